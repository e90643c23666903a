namespace OfficeFollowUp.Reliability.Harness;

/// <summary>What the drill expects of a fuzzed contact.</summary>
internal enum FuzzOutcome
{
    /// <summary>Has a usable address: a new acquaintance, one thank-you draft.</summary>
    FollowedUp,

    /// <summary>No address, or only a blank one (valid Graph: a phone-only contact): not followed up, not an error.</summary>
    NoAddress,

    /// <summary>Addresses (not blank), none of them an email address: skipped and counted in Health.</summary>
    Invalid,

    /// <summary>The address of an earlier contact in another case: that person already has their track.</summary>
    Duplicate,
}

internal sealed record FuzzContact(SandboxContactSeed Seed, FuzzOutcome Outcome, string? Email);

internal sealed record FuzzEvent(SandboxEventSeed Seed, bool EndedNetworking);

/// <summary>
/// Hostile but Graph-shaped contacts and events, from a seed: no email, bad addresses, 1 MB names, HTML and
/// script, right-to-left text and emoji, NUL and other control characters, JSON nulls. The drill's own oracle
/// says which addresses are email addresses, independent of the worker's check.
/// </summary>
internal sealed partial class FuzzCorpus(int seed, string run, string ownAddress)
{
    private const int OneMegabyte = 1024 * 1024;

    private static readonly string[] Hostile =
    [
        "<script>alert('fuzz')</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "</p><h1>Big</h1><p>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "a < b > c",
        "&lt;already escaped&gt; &amp;",
        "<!-- comment --><style>*{}</style>",
        "Robert'); DROP TABLE people;--",
        "O'Brien \"Junior\"",
        "مريم الحسن",
        "שלום עליכם",
        "\u202Etxt.exe\u202C",
        "\u200F\u200Emarks",
        "👩🏽‍💻 Zoë 🎉",
        "🇳🇿 Aroha",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "Z̴̡̛a̶l̷g̸o̵",
        "Ann\u0000a",
        "Bell\u0007Ring",
        "Tab\tName",
        "New\nLine",
        "\u001b[31mred",
        "   ",
        "",
        "Ngaio Marsh",
    ];

    // Not email addresses. The worker may keep any of them on a contact; none can be written to.
    private static readonly string[] BadAddresses =
    [
        "not-an-email",
        "a@b",
        "two@@at.example",
        "sp ace@bad.example",
        "@no-local.example",
        "no-domain@",
        "x@.example",
        "<script>@bad.example",
        "nul\u0000l@bad.example",
        "bell\u0007@bad.example",
    ];

    // An address entry with nothing in it: as good as no address.
    private static readonly string[] BlankAddresses = ["", "   "];

    private readonly Random _random = new(seed);
    private readonly List<string> _followedUp = [];
    private int _next;

    public static string OneMegabyteName(char c) => new(c, OneMegabyte);

    /// <summary>
    /// The drill's notion of an email address: at most 254 characters, one @, a dot-atom local part of printable
    /// ASCII without angle brackets, and a dotted domain. Stricter than "has an @", on purpose.
    /// </summary>
    public static bool IsEmail(string? address) =>
        address is { Length: > 0 and <= 254 } && Address().IsMatch(address);

    public FuzzContact NextContact()
    {
        var i = ++_next;
        var draw = _random.NextDouble();
        var names = NamesFor(i);
        if (draw < 0.45 || i is 3 or 5)
        {
            var email = NewAddress(i);
            List<string> emails = [email];
            if (_random.NextDouble() < 0.25)
            {
                emails.Insert(0, Pick(BadAddresses));
            }

            _followedUp.Add(email);
            return new FuzzContact(names with { Emails = emails }, FuzzOutcome.FollowedUp, email);
        }

        if (draw < 0.55)
        {
            // JSON nulls in every field it can have, and a usable address.
            var email = NewAddress(i);
            _followedUp.Add(email);
            return new FuzzContact(new SandboxContactSeed(null, null, [email]), FuzzOutcome.FollowedUp, email);
        }

        if (draw < 0.68)
        {
            return new FuzzContact(names with { Emails = _random.NextDouble() < 0.2 ? [Pick(BlankAddresses)] : [] }, FuzzOutcome.NoAddress, null);
        }

        if (draw < 0.70)
        {
            return new FuzzContact(new SandboxContactSeed(null, null, []), FuzzOutcome.NoAddress, null);
        }

        if (draw < 0.95 || _followedUp.Count == 0)
        {
            var bad = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(BadAddresses)).ToList();
            if (_random.NextDouble() < 0.2)
            {
                bad.Add(Pick(BlankAddresses));
            }

            if (_random.NextDouble() < 0.2)
            {
                // Over the 254 characters an address can have.
                bad.Add(new string('l', 300) + "@toolong.example");
            }

            return new FuzzContact(names with { Emails = bad }, FuzzOutcome.Invalid, null);
        }

        var earlier = _followedUp[_random.Next(_followedUp.Count)];
        return new FuzzContact(names with { Emails = [earlier.ToUpperInvariant()] }, FuzzOutcome.Duplicate, earlier);
    }

    /// <summary>
    /// A fuzzed event in the synced window. About a third are networking events that ended in the last day and a
    /// half, so they get a prompt; their guests mix usable addresses with bad ones, the user and a colleague.
    /// </summary>
    public FuzzEvent NextEvent(DateTimeOffset now)
    {
        var i = ++_next;
        var networking = _random.NextDouble() < 0.3;
        var subject = i % 997 == 0 ? OneMegabyteName('S') : _random.NextDouble() < 0.05 ? null : Text();
        var attendees = new List<SandboxAttendee>();
        for (var g = _random.Next(0, 6); g > 0; g--)
        {
            var name = i % 1499 == 0 && g == 1 ? OneMegabyteName('G') : _random.NextDouble() < 0.1 ? null : Text();
            var address = _random.NextDouble() switch
            {
                < 0.6 => $"g{i}-{g}.{_random.Next(100000)}@guests-{run}.example",
                < 0.75 => Pick(BadAddresses),
                < 0.8 => Pick(BlankAddresses),
                < 0.9 => ownAddress,
                _ => $"colleague{g}@{ownAddress.Split('@')[1]}",
            };
            attendees.Add(new SandboxAttendee(name, address));
        }

        DateTimeOffset start;
        DateTimeOffset end;
        if (networking)
        {
            end = now.AddMinutes(-_random.Next(5, 36 * 60));
            start = end.AddMinutes(-_random.Next(30, 240));
        }
        else
        {
            start = now.AddMinutes(_random.Next(-25 * 24 * 60, 80 * 24 * 60));
            end = start.AddMinutes(_random.Next(0, 8 * 60));
        }

        var allDay = !networking && _random.NextDouble() < 0.1;
        if (allDay)
        {
            start = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
            end = start.AddDays(1);
        }

        return new FuzzEvent(
            new SandboxEventSeed(subject, start, end, attendees)
            {
                Categories = networking || _random.NextDouble() < 0.1 ? ["Networking", Text()] : [Text()],
                Location = _random.NextDouble() < 0.3 ? null : Text(),
                BodyHtml = _random.NextDouble() < 0.3 ? null : Text(),
                IsAllDay = allDay,
                ShowAs = _random.NextDouble() < 0.5 ? "busy" : "tentative",
            },
            networking);
    }

    /// <summary>Hostile text without control characters, at most 500 characters: what a person types as "one thing to remember".</summary>
    public string Remember()
    {
        var text = string.Concat(Enumerable.Range(0, 3).Select(_ => Text()));
        text = new string([.. text.Where(c => !char.IsControl(c))]);
        return text.Length > 500 ? text[..500] : text;
    }

    private SandboxContactSeed NamesFor(int i)
    {
        var given = i == 3 ? OneMegabyteName('N') : _random.NextDouble() < 0.1 ? null : Text();
        var surname = _random.NextDouble() < 0.1 ? null : Text();
        return new SandboxContactSeed(given, surname, [], i == 5 ? OneMegabyteName('C') : _random.NextDouble() < 0.3 ? null : Text())
        {
            DisplayName = _random.NextDouble() < 0.2 ? Text() : null,
            JobTitle = _random.NextDouble() < 0.5 ? null : Text(),
            PersonalNotes = _random.NextDouble() < 0.5 ? null : Text(),
        };
    }

    private string Text() =>
        _random.Next(3) switch
        {
            0 => Pick(Hostile),
            1 => Pick(Hostile) + " " + Pick(Hostile),
            _ => $"{Pick(Hostile)}{_random.Next(1000)}",
        };

    private string NewAddress(int i) => $"p{i}.{_random.Next(100000)}@fuzz-{run}.example";

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Address();
}
