namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Deterministic realistic events for bulk seeding (benchmarks): meetings over the half year before and two months
/// after <c>now</c>, in Auckland working hours, with attendees from <see cref="SandboxPeopleGenerator"/>; about one
/// in 25 is a weekly series and one in 30 an all-day event.
/// </summary>
internal sealed class SandboxEventGenerator(int seed, DateTimeOffset now)
{
    private const string Zone = "Pacific/Auckland";

    private static readonly string[] Subjects =
    [
        "Coffee catch-up", "Project check-in", "Client workshop", "Quarterly review", "Proposal walkthrough",
        "Chamber of Commerce breakfast", "BNI chapter meeting", "Networking lunch", "Referral partner one-to-one",
        "Board meeting", "Site visit", "Budget planning", "Webinar: cash-flow basics", "Supplier meeting",
        "Business After 5 mixer", "Mentoring session", "Accountant catch-up", "Marketing sync", "Interview",
        "Kōrero with the Māori business network", "Rotary club lunch", "Strategy day", "Dentist", "School pick-up",
    ];

    private static readonly string[] Locations =
    [
        "Microsoft Teams Meeting", "Harbourlight office, Level 3", "Kererū Coffee, Cuba St", "Te Papa café",
        "Wellington Chamber, 175 Victoria St", "Client site", "Zoom", "Rydges Wellington",
    ];

    private static readonly string[] ShowAs = ["busy", "busy", "busy", "busy", "busy", "tentative", "tentative", "free", "oof", "workingElsewhere"];

    private readonly Random _random = new(seed);
    private readonly SandboxPeopleGenerator _people = new(seed);
    private readonly TimeZoneInfo _zone = SandboxTimeZones.Find(Zone) ?? TimeZoneInfo.Utc;

    public SandboxEventSeed Next()
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);
        var day = localToday.AddDays(_random.Next(-180, 61));
        var roll = _random.Next(100);
        var subject = Subjects[_random.Next(Subjects.Length)];
        var start = SandboxTimeZones.ToInstant(day.ToDateTime(new TimeOnly(7 + _random.Next(11), _random.Next(4) * 15)), _zone);
        var end = start.AddMinutes(30 * (1 + _random.Next(4)));
        var attendees = Enumerable.Range(0, _random.Next(7))
            .Select(_ => _people.Next())
            .Where(p => p.Emails.Count > 0)
            .Select(p => new SandboxAttendee($"{p.GivenName} {p.Surname}", p.Emails[0], _random.Next(5) == 0 ? "optional" : "required")
            {
                Response = _random.Next(3) switch { 0 => "accepted", 1 => "tentativelyAccepted", _ => "none" },
            })
            .ToList();
        var isOrganizer = attendees.Count == 0 || _random.Next(10) < 7;
        var seed = new SandboxEventSeed(subject, start, end, attendees)
        {
            ShowAs = ShowAs[_random.Next(ShowAs.Length)],
            Location = Locations[_random.Next(Locations.Length)],
            Categories = subject.Contains("BNI", StringComparison.Ordinal) || subject.Contains("mixer", StringComparison.OrdinalIgnoreCase)
                ? ["Networking"]
                : [],
            IsOrganizer = isOrganizer,
            Organizer = isOrganizer ? null : attendees[0],
            TimeZone = Zone,
            BodyHtml = $"<p>{System.Net.WebUtility.HtmlEncode(subject)} with {attendees.Count} people.</p>",
        };

        if (roll < 4)
        {
            return seed with
            {
                Recurrence = SandboxRecurrence.Weekly(day.DayOfWeek) with
                {
                    EndDate = _random.Next(2) == 0 ? null : day.AddDays(7 * (4 + _random.Next(20))),
                },
            };
        }

        if (roll < 7)
        {
            var midnight = SandboxTimeZones.ToInstant(day.ToDateTime(TimeOnly.MinValue), _zone);
            return seed with
            {
                Subject = "Out of office", IsAllDay = true, Start = midnight, End = midnight.AddDays(1), ShowAs = "oof",
                Attendees = [], Organizer = null, IsOrganizer = true, Location = null,
            };
        }

        return seed;
    }
}
