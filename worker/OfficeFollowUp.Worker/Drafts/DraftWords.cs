using System.Globalization;

namespace OfficeFollowUp.Drafts;

/// <summary>
/// Everything a draft says around its template, in the mailbox's language: the "Before sending…" line, the sign-off,
/// the placeholder wording, and how an event, a date and a channel read in a sentence. The note-rewriting rules
/// (<see cref="PrepareNoteFacts"/>: "wants X" → "you want X") are English; in another language every note becomes a
/// placeholder instead (<see cref="RewritesNotes"/> false), so a private note is still never sent as written.
/// </summary>
public sealed class DraftWords
{
    public required string Language { get; init; }

    public required bool RewritesNotes { get; init; }

    public required string BeforeSendingOne { get; init; }

    /// <summary>{0}: how many parts.</summary>
    public required string BeforeSendingMany { get; init; }

    /// <summary>The closing words before the sender's name (German has no comma after "Viele Grüße").</summary>
    public required string SignOff { get; init; }

    /// <summary>{0}: the note quoted.</summary>
    public required string Mentioned { get; init; }

    /// <summary>{0}: the note quoted; the remembered detail asks for an introduction or help.</summary>
    public required string MentionedAsk { get; init; }

    /// <summary>Appended, marked, to a request said to them in the user's words.</summary>
    public required string AnswerTheAsk { get; init; }

    /// <summary>{0}: the note quoted.</summary>
    public required string Promise { get; init; }

    /// <summary>{0}: the link.</summary>
    public required string LinkPromised { get; init; }

    /// <summary>{0}: who said it ("Mere's note"), {1}: the note quoted.</summary>
    public required string FewWords { get; init; }

    /// <summary>{0}: the note quoted.</summary>
    public required string OwnWords { get; init; }

    /// <summary>{0}: the first name of whoever said it.</summary>
    public required string NoteOf { get; init; }

    public required string SomeonesNote { get; init; }

    public required string ReferredOnFormat { get; init; }

    public required CultureInfo Culture { get; init; }

    /// <summary>Whether an event's name takes "the" in a sentence ("at the Chamber business mixer").</summary>
    public required bool EventTakesArticle { get; init; }

    /// <summary>How a preferred phone channel reads in a sentence ("a call").</summary>
    public required string Call { get; init; }

    public static readonly DraftWords English = new()
    {
        Language = DefaultTemplates.English,
        RewritesNotes = true,
        BeforeSendingOne = "Before sending: rewrite the highlighted part in your own words, then delete this line",
        BeforeSendingMany = "Before sending: rewrite the {0} highlighted parts in your own words, then delete this line",
        SignOff = "Best wishes,",
        Mentioned = "You mentioned: {0} \u2014 say something about it",
        MentionedAsk = "You mentioned: {0} \u2014 say whom you could introduce, or how you could help",
        AnswerTheAsk = "say whom you could introduce, or how you could help",
        Promise = "You promised: {0} \u2014 say how you are keeping it",
        LinkPromised = "Here is the link I promised: ",
        FewWords = "{0}: {1} \u2014 say it in a few words",
        OwnWords = "Your note: {0} \u2014 say it in your own words",
        NoteOf = "{0}'s note",
        SomeonesNote = "Their note",
        ReferredOnFormat = "d MMMM",
        Culture = CultureInfo.InvariantCulture,
        EventTakesArticle = true,
        Call = "a call",
    };

    public static readonly DraftWords German = new()
    {
        Language = DefaultTemplates.German,
        RewritesNotes = false,
        BeforeSendingOne = "Vor dem Senden: den markierten Teil in eigenen Worten neu schreiben, dann diese Zeile löschen",
        BeforeSendingMany = "Vor dem Senden: die {0} markierten Teile in eigenen Worten neu schreiben, dann diese Zeile löschen",
        SignOff = "Viele Grüße",
        Mentioned = "Ihre Notiz: {0} \u2014 hier etwas dazu schreiben",
        MentionedAsk = "Ihre Notiz: {0} \u2014 hier schreiben, wen Sie vorstellen oder wie Sie helfen können",
        AnswerTheAsk = "hier schreiben, wen Sie vorstellen oder wie Sie helfen können",
        Promise = "Ihr Versprechen: {0} \u2014 hier schreiben, wie Sie es einlösen",
        LinkPromised = "Hier ist der versprochene Link: ",
        FewWords = "{0}: {1} \u2014 in wenigen Worten beschreiben",
        OwnWords = "Ihre Notiz: {0} \u2014 in eigenen Worten schreiben",
        NoteOf = "Laut {0}",
        SomeonesNote = "Notiz",
        ReferredOnFormat = "d. MMMM",
        Culture = CultureInfo.GetCultureInfo("de-DE"),
        EventTakesArticle = false,
        Call = "ein Anruf",
    };

    /// <summary>The words for a mailbox's language ("de-AT" → German), English when there is no default in it.</summary>
    public static DraftWords For(string? language) =>
        string.Equals(DefaultTemplates.LanguageOf(language), DefaultTemplates.German, StringComparison.OrdinalIgnoreCase) ? German : English;
}
