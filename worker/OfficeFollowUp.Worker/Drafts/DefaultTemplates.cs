namespace OfficeFollowUp.Drafts;

/// <summary>
/// The wording every draft starts from, in plain words, per language. A note thanks and moves the relationship on
/// (the one-to-one), names what was promised, and never sells. English and German (formal "Sie", the sentence after
/// the greeting in lowercase as German letters have it); a mailbox in another language gets English until a default
/// in its language is added here (with its <see cref="DraftWords"/>).
/// </summary>
public static class DefaultTemplates
{
    public const string English = "en";

    public const string German = "de";

    private static readonly Dictionary<string, Dictionary<DraftKind, DraftTemplate>> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        [English] = new()
        {
            [DraftKind.ThankYou] = new(
                "Great to meet you at {EventName} || Great to meet you, {FirstName} || Great to meet you",
                """
                Hi {FirstName}, || Hello,
                Thank you for taking the time to talk at {EventName}. It was good to meet you. || Thank you for taking the time to talk. It was good to meet you.
                {Remembered} || I enjoyed hearing about your work as {JobTitle} at {Company}. || I enjoyed hearing about your work at {Company}. || I enjoyed hearing about your work.
                {Promised} || If there is someone I could introduce you to, just let me know.
                Would you like to grab a coffee in the next few weeks? I would be glad to hear more about what you are working on.
                If {PreferredChannel} is easier for you, that works for me too.
                """),
            [DraftKind.ReferralContact] = new(
                "{PartnerFirstName} suggested we talk || An introduction from {PartnerName}",
                """
                Hi {FirstName}, || Hello,
                {PartnerName} suggested I get in touch about {Need}. || {PartnerName} suggested I get in touch.
                I have copied {CopiedPartner} so they know we have connected.
                I would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?
                """),
            [DraftKind.ReferralCheckIn] = new(
                "Were you able to reach {ProspectFirstName}? || A quick check-in on {ProspectName}",
                """
                Hi {FirstName}, || Hello,
                A quick check-in on {ProspectName}, whom I introduced you to on {ReferredOn}. Were you able to reach {ProspectFirstName}? || A quick check-in on {ProspectName}, whom I introduced you to. Were you able to reach {ProspectFirstName}? || A quick check-in on {ProspectName}, whom I introduced you to. Were you able to reach them?
                If anything got in the way, let me know and I will nudge from my side.
                """),
            [DraftKind.CloseWon] = new(
                "Thank you \u2014 good news about {ProspectFirstName} || Thank you \u2014 good news about {ProspectName}",
                """
                Hi {FirstName}, || Hello,
                Thank you again for introducing me to {ProspectName}. I wanted you to hear it from me: it went well, and we are now working together.
                {OutcomeNote}
                Your trust made that possible, and I do not take it for granted.
                Is there someone I could introduce you to in return? Tell me who would make your week.
                And as a reminder of what helps me most: {LookingFor}.
                """),
            [DraftKind.CloseInProgress] = new(
                "An update on {ProspectFirstName} || An update on {ProspectName}",
                """
                Hi {FirstName}, || Hello,
                Thank you for introducing me to {ProspectName}. We have been in touch and things are moving; I will let you know how it turns out.
                {OutcomeNote}
                Is there someone I could introduce you to in return? Tell me who would make your week.
                And as a reminder of what helps me most: {LookingFor}.
                """),
            [DraftKind.CloseNotAFit] = new(
                "About {ProspectFirstName} || About {ProspectName}",
                """
                Hi {FirstName}, || Hello,
                Thank you for thinking of me for {ProspectName}. We talked, and honestly what {ProspectFirstName} needs is not where I am strongest.
                I think {BetterFit} would be a better fit, and I have said so to {ProspectFirstName}. || If you know someone who specialises in what {ProspectFirstName} needs, they would be a better fit than me.
                I am grateful you thought of me. Is there someone I could introduce you to in return?
                And as a reminder of what helps me most: {LookingFor}.
                """),
            [DraftKind.CloseNoResponse] = new(
                "{ProspectFirstName} and I have not connected yet || {ProspectName} and I have not connected yet",
                """
                Hi {FirstName}, || Hello,
                Thank you for the introduction to {ProspectName}. I reached out a few times, but we have not managed to connect.
                If you are in touch with them, a gentle nudge would be welcome; no pressure either way, and the door stays open.
                Is there someone I could introduce you to in return? Tell me who would make your week.
                And as a reminder of what helps me most: {LookingFor}.
                """),
            [DraftKind.ClosePoorMeeting] = new(
                "Thank you for introducing me to {ProspectFirstName} || Thank you for introducing me to {ProspectName}",
                """
                Hi {FirstName}, || Hello,
                Thank you for connecting me with {ProspectName}. We met, and we did not find an immediate way to help each other.
                That happens, and I am grateful you thought of me. I am happy to stay in touch with them if something changes.
                Is there someone I could introduce you to in return? Tell me who would make your week.
                And as a reminder of what helps me most: {LookingFor}.
                """),
            [DraftKind.Birthday] = new(
                "Happy birthday, {FirstName} || Happy birthday",
                """
                Hi {FirstName}, || Hello,
                Happy birthday! I hope you have a lovely day with the people who matter to you.
                {Remembered}
                Wishing you a good year ahead, and I hope we catch up again soon.
                """),
        },
        [German] = new()
        {
            [DraftKind.ThankYou] = new(
                "Schön, Sie bei \u201E{EventName}\u201C kennengelernt zu haben || Schön, Sie kennengelernt zu haben, {FirstName} || Schön, Sie kennengelernt zu haben",
                """
                Hallo {FirstName}, || Guten Tag,
                vielen Dank für das Gespräch bei „{EventName}“. Es hat mich gefreut, Sie kennenzulernen. || vielen Dank für das Gespräch. Es hat mich gefreut, Sie kennenzulernen.
                {Remembered} || Es war spannend, von Ihrer Arbeit als {JobTitle} bei {Company} zu hören. || Es war spannend, von Ihrer Arbeit bei {Company} zu hören. || Es war spannend, von Ihrer Arbeit zu hören.
                {Promised} || Wenn ich Sie mit jemandem bekannt machen kann, sagen Sie einfach Bescheid.
                Hätten Sie Lust, in den nächsten Wochen einen Kaffee zu trinken? Ich würde gern mehr darüber hören, woran Sie gerade arbeiten.
                Falls {PreferredChannel} für Sie einfacher ist, passt mir das genauso.
                """),
            [DraftKind.ReferralContact] = new(
                "{PartnerFirstName} hat mir empfohlen, mich bei Ihnen zu melden || Eine Empfehlung von {PartnerName}",
                """
                Hallo {FirstName}, || Guten Tag,
                {PartnerName} hat mir vorgeschlagen, mich wegen {Need} bei Ihnen zu melden. || {PartnerName} hat mir vorgeschlagen, mich bei Ihnen zu melden.
                Ich habe {CopiedPartner} in Kopie gesetzt, damit wir alle auf demselben Stand sind.
                Ich würde gern hören, woran Sie arbeiten, und sehen, ob ich helfen kann. Passt Ihnen diese Woche ein kurzes Telefonat oder ein Kaffee?
                """),
            [DraftKind.ReferralCheckIn] = new(
                "Konnten Sie {ProspectFirstName} erreichen? || Kurze Nachfrage zu {ProspectName}",
                """
                Hallo {FirstName}, || Guten Tag,
                kurze Nachfrage: Ich hatte Sie am {ReferredOn} mit {ProspectName} bekannt gemacht. Konnten Sie {ProspectFirstName} erreichen? || kurze Nachfrage: Ich hatte Sie mit {ProspectName} bekannt gemacht. Konnten Sie {ProspectFirstName} erreichen? || kurze Nachfrage: Ich hatte Sie mit {ProspectName} bekannt gemacht. Hat es mit dem Kontakt geklappt?
                Falls etwas dazwischengekommen ist, sagen Sie mir Bescheid, dann hake ich von meiner Seite nach.
                """),
            [DraftKind.CloseWon] = new(
                "Danke \u2013 gute Nachrichten zu {ProspectFirstName} || Danke \u2013 gute Nachrichten zu {ProspectName}",
                """
                Hallo {FirstName}, || Guten Tag,
                nochmals vielen Dank, dass Sie mich mit {ProspectName} bekannt gemacht haben. Sie sollen es von mir hören: Es hat gut gepasst, und wir arbeiten jetzt zusammen.
                {OutcomeNote}
                Ihr Vertrauen hat das möglich gemacht, und das weiß ich zu schätzen.
                Kann ich Sie im Gegenzug mit jemandem bekannt machen? Sagen Sie mir, wer Ihnen gerade weiterhelfen würde.
                Und zur Erinnerung, was mir am meisten hilft: {LookingFor}.
                """),
            [DraftKind.CloseInProgress] = new(
                "Neuigkeiten zu {ProspectFirstName} || Neuigkeiten zu {ProspectName}",
                """
                Hallo {FirstName}, || Guten Tag,
                vielen Dank, dass Sie mich mit {ProspectName} bekannt gemacht haben. Wir sind im Gespräch, und es geht voran; ich sage Ihnen Bescheid, wie es ausgeht.
                {OutcomeNote}
                Kann ich Sie im Gegenzug mit jemandem bekannt machen? Sagen Sie mir, wer Ihnen gerade weiterhelfen würde.
                Und zur Erinnerung, was mir am meisten hilft: {LookingFor}.
                """),
            [DraftKind.CloseNotAFit] = new(
                "Rückmeldung zu {ProspectFirstName} || Rückmeldung zu {ProspectName}",
                """
                Hallo {FirstName}, || Guten Tag,
                danke, dass Sie bei {ProspectName} an mich gedacht haben. Wir haben gesprochen, und ehrlich gesagt ist das, was {ProspectFirstName} braucht, nicht meine Stärke.
                Ich denke, {BetterFit} passt besser, und das habe ich {ProspectFirstName} auch gesagt. || Wenn Sie jemanden kennen, der sich auf das spezialisiert hat, was {ProspectFirstName} braucht, wäre das die bessere Wahl.
                Ich freue mich trotzdem sehr über Ihr Vertrauen. Kann ich Sie im Gegenzug mit jemandem bekannt machen?
                Und zur Erinnerung, was mir am meisten hilft: {LookingFor}.
                """),
            [DraftKind.CloseNoResponse] = new(
                "{ProspectFirstName} und ich haben uns noch nicht erreicht || {ProspectName} und ich haben uns noch nicht erreicht",
                """
                Hallo {FirstName}, || Guten Tag,
                vielen Dank, dass Sie mich mit {ProspectName} bekannt gemacht haben. Ich habe mich einige Male gemeldet, aber wir haben uns bisher nicht erreicht.
                Falls Sie ohnehin in Kontakt sind, würde ich mich über einen kurzen Hinweis freuen; ganz ohne Druck, meine Tür bleibt offen.
                Kann ich Sie im Gegenzug mit jemandem bekannt machen? Sagen Sie mir, wer Ihnen gerade weiterhelfen würde.
                Und zur Erinnerung, was mir am meisten hilft: {LookingFor}.
                """),
            [DraftKind.ClosePoorMeeting] = new(
                "Danke für den Kontakt zu {ProspectFirstName} || Danke für den Kontakt zu {ProspectName}",
                """
                Hallo {FirstName}, || Guten Tag,
                vielen Dank, dass Sie mich mit {ProspectName} in Verbindung gebracht haben. Wir haben uns getroffen, aber keinen direkten Weg gefunden, einander zu helfen.
                Das kommt vor, und ich freue mich, dass Sie an mich gedacht haben. Falls sich etwas ändert, bleibe ich gern in Kontakt.
                Kann ich Sie im Gegenzug mit jemandem bekannt machen? Sagen Sie mir, wer Ihnen gerade weiterhelfen würde.
                Und zur Erinnerung, was mir am meisten hilft: {LookingFor}.
                """),
            [DraftKind.Birthday] = new(
                "Alles Gute zum Geburtstag, {FirstName} || Alles Gute zum Geburtstag",
                """
                Hallo {FirstName}, || Guten Tag,
                herzlichen Glückwunsch zum Geburtstag! Ich wünsche Ihnen einen schönen Tag im Kreis der Menschen, die Ihnen wichtig sind.
                {Remembered}
                Für das neue Lebensjahr alles Gute, und ich freue mich, wenn wir uns bald wiedersehen.
                """),
        },
    };

    /// <summary>The default for a kind in the mailbox's language ("en-NZ" → "en"), English when there is none in it; it carries its language.</summary>
    public static DraftTemplate For(DraftKind kind, string? language = null)
    {
        var wanted = LanguageOf(language);
        return ByLanguage[wanted].TryGetValue(kind, out var template)
            ? template with { Language = wanted }
            : ByLanguage[English][kind] with { Language = English };
    }

    /// <summary>The language of defaults a mailbox gets: its primary language ("de-AT" → "de") when there are defaults in it, else English.</summary>
    public static string LanguageOf(string? language)
    {
        var primary = string.IsNullOrWhiteSpace(language) ? English : language.Split('-', '_')[0];
        return ByLanguage.ContainsKey(primary) ? primary.ToLowerInvariant() : English;
    }

    /// <summary>The user's own wording for a kind, else the default in the mailbox's language.</summary>
    public static DraftTemplate Choose(DraftKind kind, IReadOnlyDictionary<DraftKind, DraftTemplate> own, string? language)
    {
        ArgumentNullException.ThrowIfNull(own);
        return own.TryGetValue(kind, out var template) ? template : For(kind, language);
    }

    public static IReadOnlyCollection<string> Languages => ByLanguage.Keys;
}
