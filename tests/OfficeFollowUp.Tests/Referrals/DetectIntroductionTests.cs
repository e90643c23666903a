namespace OfficeFollowUp.Tests.Referrals;

/// <summary>Is the open message an introduction? Real-looking mail, both ways, and the look-alikes that must stay silent.</summary>
public sealed class DetectIntroductionTests
{
    private const string Me = "mere@harbourlight.co.nz";
    private static readonly string[] OwnAddresses = [Me, "M.Parata@harbourlight.onmicrosoft.com"];

    private static readonly Party MeParty = new(Me, "Mere Parata");
    private static readonly Party Sam = new("sam.taylor@taylorlaw.co.nz", "Sam Taylor");
    private static readonly Party Alex = new("alex@kiwisolar.co.nz", "Alex Chen");
    private static readonly Party Priya = new("priya@brightpathfinance.co.nz", "Priya Raghunathan");

    private static IntroMessage Mail(Party from, Party[] to, string subject, string body, Party[]? cc = null) =>
        new(from, to, cc ?? [], subject, body);

    public static TheoryData<string, IntroMessage, ReferralDirection?, string?, string?, bool> Cases => new()
    {
        // ---- Introductions received: the sender introduces the user to someone on To/Cc.
        {
            "received: classic intro to both",
            Mail(Sam, [MeParty, Alex], "Intro: Mere ↔ Alex", "Hi Mere and Alex,\n\nI'd like to introduce you two. Alex runs Kiwi Solar and is looking for advice on leasing.\n\nSam"),
            ReferralDirection.Received, Sam.Email, Alex.Email, false
        },
        {
            "received: user on cc",
            Mail(Sam, [Alex], "Introduction", "Alex — as promised, connecting you with Mere (cc'd), who helped me with exactly this last year.", [MeParty]),
            ReferralDirection.Received, Sam.Email, Alex.Email, false
        },
        {
            "received: 'Mere, meet Priya' without an intro word",
            Mail(Sam, [MeParty, Priya], "Mortgage question", "Mere, meet Priya. Priya is buying her first office and needs someone good for the paperwork."),
            ReferralDirection.Received, Sam.Email, Priya.Email, false
        },
        {
            "received: German greeting and cue",
            Mail(new("jonas.weber@weber-it.de", "Jonas Weber"), [MeParty, new("anna.schmidt@schmidt-design.de", "Anna Schmidt")], "Kontakt",
                "Hallo Mere, hallo Anna,\n\ndarf ich euch einander vorstellen? Anna sucht Unterstützung bei der Expansion nach Neuseeland."),
            ReferralDirection.Received, "jonas.weber@weber-it.de", "anna.schmidt@schmidt-design.de", false
        },
        {
            "received: French greeting and cue",
            Mail(new("luc@martin-conseil.fr", "Luc Martin"), [new("amelie.roux@roux-vins.fr", "Amélie Roux"), MeParty], "Mise en relation",
                "Bonjour Mere, bonjour Amélie,\n\nje vous présente l'une à l'autre : Amélie exporte des vins et cherche un conseil à Wellington."),
            ReferralDirection.Received, "luc@martin-conseil.fr", "amelie.roux@roux-vins.fr", false
        },
        {
            "received: Spanish greeting and cue",
            Mail(new("carlos@garciaasesores.es", "Carlos García"), [MeParty, new("lucia.perez@perez-arquitectos.es", "Lucía Pérez")], "Presentación",
                "Hola Mere y Lucía:\n\nles presento: Lucía es arquitecta y está abriendo oficina en Auckland."),
            ReferralDirection.Received, "carlos@garciaasesores.es", "lucia.perez@perez-arquitectos.es", false
        },
        {
            "received: te reo greeting, English cue",
            Mail(new("tama@ngataelectrical.co.nz", "Tama Ngata"), [MeParty, new("hemi@kahuinvest.co.nz", "Hemi Walker")], "Kia ora — you two should talk",
                "Kia ora kōrua,\n\nConnecting you two: Hemi is setting up a trust for his whānau business."),
            ReferralDirection.Received, "tama@ngataelectrical.co.nz", "hemi@kahuinvest.co.nz", false
        },
        {
            "received: Japanese cue and name",
            Mail(new("kenji@sato-trading.co.jp", "佐藤 健二"), [MeParty, new("hanako.yamada@sakura-trading.co.jp", "山田 花子")], "ご紹介",
                "Mere様、山田様\n\nお二人をご紹介します。山田さんはニュージーランドでの法人設立を検討中です。"),
            ReferralDirection.Received, "kenji@sato-trading.co.jp", "hanako.yamada@sakura-trading.co.jp", false
        },
        {
            "received: no display names, name from the address",
            Mail(new("sam@taylorlaw.co.nz", null), [new(Me, null), new("jonas.weber@weber-it.de", null)], "intro",
                "Mere, this is Jonas — he is the IT person I mentioned. Jonas, Mere is the best adviser in town."),
            ReferralDirection.Received, "sam@taylorlaw.co.nz", "jonas.weber@weber-it.de", false
        },
        {
            "received: user reached through an alias in other case",
            Mail(Sam, [new("m.parata@HARBOURLIGHT.onmicrosoft.com", "Mere Parata"), Alex], "E-intro: Alex / Mere", "Happy to put you in touch, Alex and Mere."),
            ReferralDirection.Received, Sam.Email, Alex.Email, false
        },

        // ---- Introductions the user made: a referral given.
        {
            "given: 'Alex, meet Priya' names the prospect",
            Mail(MeParty, [Alex, Priya], "Intro: Priya ↔ Alex", "Alex, meet Priya. Priya is after solar panels for her new office and I told her you are the person to talk to."),
            ReferralDirection.Given, Alex.Email, Priya.Email, false
        },
        {
            "given: symmetric intro leaves the roles to the user",
            Mail(MeParty, [Priya, Alex], "Priya <> Alex", "Hi Priya and Alex,\n\nI wanted to connect you both — I think there is something here for each of you."),
            ReferralDirection.Given, Priya.Email, Alex.Email, true
        },
        {
            "given: Dutch",
            Mail(MeParty, [new("sanne@devries.nl", "Sanne de Vries"), new("pieter@bakker-bouw.nl", "Pieter Bakker")], "Kennismaken",
                "Hoi Sanne en Pieter,\n\nGraag wil ik jullie aan elkaar voorstellen."),
            ReferralDirection.Given, "sanne@devries.nl", "pieter@bakker-bouw.nl", true
        },

        // ---- Look-alikes that are not introductions.
        {
            "reply to an introduction",
            Mail(Alex, [Sam, MeParty], "Re: Intro: Mere ↔ Alex", "Thanks Sam (moving you to bcc)! Mere, lovely to meet you — are you free Thursday?"),
            null, null, null, false
        },
        {
            "German reply to an introduction",
            Mail(new("anna.schmidt@schmidt-design.de", "Anna Schmidt"), [MeParty, new("jonas.weber@weber-it.de", "Jonas Weber")], "AW: Kontakt",
                "Danke Jonas für die Vorstellung! Mere, wann passt es dir?"),
            null, null, null, false
        },
        {
            "reply without prefix: the cue is only in the quoted part",
            Mail(Alex, [MeParty, Sam], "Intro", "Sounds good, see you then.\n\nOn Tue, 24 Nov 2026 at 09:12, Sam Taylor wrote:\n> Mere, meet Alex. I'd like to introduce you two."),
            null, null, null, false
        },
        {
            "forwarded introduction",
            Mail(Sam, [MeParty], "Fwd: Intro: Alex ↔ Priya", "---------- Forwarded message ---------\nFrom: Alex\nI'd like to introduce Priya."),
            null, null, null, false
        },
        {
            "German forward to two people",
            Mail(Sam, [MeParty, Alex], "WG: Vorstellung Alex", "Zur Info, Alex möchte vorstellen ..."),
            null, null, null, false
        },
        {
            "bare forward without a subject prefix",
            Mail(Sam, [MeParty, Alex], "Intro Alex", "---------- Forwarded message ---------\nFrom: Priya\nSubject: Intro\n\nMere, meet Alex."),
            null, null, null, false
        },
        {
            "newsletter with 40 recipients",
            Mail(new("events@harbourchamber.org.nz", "Harbour Chamber"),
                [.. Enumerable.Range(1, 39).Select(i => new Party($"member{i}@example{i}.co.nz", $"Member {i}")), MeParty],
                "Meet our new members", "Kia ora koutou, please welcome and introduce yourselves to our newest members: Member 1, Member 2 ..."),
            null, null, null, false
        },
        {
            "ordinary thread with six people",
            Mail(Sam, [MeParty, Alex, Priya, new("jo@taylorlaw.co.nz", "Jo"), new("ray@taylorlaw.co.nz", "Ray")], "Project kickoff",
                "Hi all, let me introduce the agenda for Thursday. Alex and Priya will present."),
            null, null, null, false
        },
        {
            "meeting request to two people is not an introduction",
            Mail(Sam, [MeParty, Alex], "Catch-up", "Can we meet Tuesday? Alex will join us for the second half."),
            null, null, null, false
        },
        {
            "one-to-one mail with an intro word",
            Mail(Alex, [MeParty], "Intro call next week?", "Hi Mere, would you have time for an intro call?"),
            null, null, null, false
        },
        {
            "user not addressed (bcc'd on someone else's introduction)",
            Mail(Sam, [Alex, Priya], "Intro: Alex ↔ Priya", "Alex, meet Priya."),
            null, null, null, false
        },
        {
            "automated sender",
            Mail(new("noreply@meetup.example", "Meetup"), [MeParty, Alex], "Meet Alex and others at the next mixer", "Introducing our speakers: Alex Chen ..."),
            null, null, null, false
        },
        {
            "user's own mail to two people without a cue",
            Mail(MeParty, [Alex, Priya], "Lunch Friday?", "Hi Alex and Priya, are you both still on for lunch Friday?"),
            null, null, null, false
        },
        {
            "intro word but the other person is never named",
            Mail(Sam, [MeParty, new("ops@acme-logistics.example", "Operations Desk")], "Introduction", "Mere, I'd like to introduce our new invoicing process."),
            null, null, null, false
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Introduction_detection(string name, IntroMessage message, ReferralDirection? direction, string? partner, string? prospect, bool uncertain)
    {
        var found = DetectIntroduction.Run(message, OwnAddresses);

        Assert.True(direction is null == found is null, $"{name}: expected {(direction is null ? "no introduction" : direction.ToString())}, got {found?.Direction.ToString() ?? "none"}");
        if (found is not null)
        {
            Assert.Equal((direction, partner, prospect, uncertain), (found.Direction, found.Partner.Email, found.Prospect.Email, found.RolesUncertain));
        }
    }

    [Fact]
    public void The_table_has_at_least_twenty_cases_both_ways()
    {
        var rows = Cases.Select(r => (ReferralDirection?)r[2]).ToList();
        Assert.True(rows.Count >= 20);
        Assert.True(rows.Count(r => r is null) >= 10);
        Assert.Contains(ReferralDirection.Given, rows);
        Assert.Contains(ReferralDirection.Received, rows);
    }
}
