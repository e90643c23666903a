namespace OfficeFollowUp.Sandbox;

/// <summary>
/// A networking week around "now" in the user's zone (Pacific/Auckland): yesterday evening's chamber mixer with a
/// crowd of attendees, the weekly BNI chapter meeting, a lunch, the team stand-up, a public holiday, and next week's
/// tentative and busy blocks that slot finding must avoid. Created a month ago, so it is all baseline history.
/// </summary>
internal static class SandboxSampleCalendar
{
    public const string Zone = "Pacific/Auckland";
    public const string MixerSubject = "Chamber of Commerce business mixer";

    private static readonly SandboxAttendee[] MixerAttendees =
    [
        new("Wellington Business Chamber Events", "events@wellingtonbusinesschamber.org.nz"),
        new("Sofía Martínez-Ortega", "sofia@tidewaterarchitects.co.nz") { Response = "accepted" },
        new("Björn Østergaard", "bjorn@nordlysrenewables.co.nz") { Response = "accepted" },
        new("Anahera Rāwiri", "anahera@kererucoffee.co.nz") { Response = "accepted" },
        new("Minh-Anh Nguyễn", "minhanh.nguyen@clearwaterhr.co.nz") { Response = "tentativelyAccepted" },
        new("Tama Ngata", "tama@ngataelectrical.co.nz") { Response = "accepted" },
        new("Grace Liu", "grace.liu@summitrealty.co.nz") { Response = "accepted" },
        new("Oliver Bennett", "oliver@bennettcapital.co.nz") { Response = "accepted" },
        new("Rajesh Kumar", "rajesh.kumar@southerncrossit.co.nz", "optional"),
        new("Émilie Laurent", "emilie@laurentpatisserie.co.nz") { Response = "accepted" },
    ];

    public static void Populate(SandboxMailbox mailbox)
    {
        var zone = SandboxTimeZones.Find(Zone) ?? TimeZoneInfo.Utc;
        var now = mailbox.Now;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var createdAt = now.AddDays(-30);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var nextMonday = today.AddDays(daysToMonday == 0 ? 7 : daysToMonday);
        DateTimeOffset At(DateOnly day, int hour, int minute = 0) => SandboxTimeZones.ToInstant(day.ToDateTime(new TimeOnly(hour, minute)), zone);
        string Add(SandboxEventSeed seed) => mailbox.Calendar.Add(seed with { TimeZone = Zone }, createdAt);

        var colleagues = Colleagues(mailbox.User);
        var yesterday = today.AddDays(-1);
        Add(new SandboxEventSeed(MixerSubject, At(yesterday, 17, 30), At(yesterday, 19, 30), [.. MixerAttendees, .. colleagues])
        {
            Categories = ["Networking"],
            Location = "Wellington Business Chamber, 175 Victoria Street",
            BodyHtml = "<p>Drinks and canapés. Bring plenty of business cards.</p>",
            IsOrganizer = false,
            Organizer = MixerAttendees[0],
        });

        var firstWednesday = today.AddDays(-70);
        firstWednesday = firstWednesday.AddDays(((int)DayOfWeek.Wednesday - (int)firstWednesday.DayOfWeek + 7) % 7);
        var bni = Add(new SandboxEventSeed("BNI chapter meeting", At(firstWednesday, 7), At(firstWednesday, 8, 30), [])
        {
            Categories = ["Networking"],
            Location = "Rydges Wellington, function room 2",
            Recurrence = SandboxRecurrence.Weekly(DayOfWeek.Wednesday),
            BodyHtml = "<p>60-second pitch ready. Bring referral slips.</p>",
        });

        var lunchDay = today.AddDays(-2);
        Add(new SandboxEventSeed(
            "Lunch with Mere",
            At(lunchDay, 12, 30),
            At(lunchDay, 13, 30),
            [new SandboxAttendee("Mere Parata", "mere@paratalaw.co.nz") { Response = "accepted" }])
        {
            Location = "Kererū Coffee, Cuba Street",
        });

        var firstMonday = today.AddDays(-140);
        firstMonday = firstMonday.AddDays(((int)DayOfWeek.Monday - (int)firstMonday.DayOfWeek + 7) % 7);
        var standUp = Add(new SandboxEventSeed("Team stand-up", At(firstMonday, 9), At(firstMonday, 9, 15), colleagues)
        {
            Recurrence = SandboxRecurrence.Weekly(DayOfWeek.Monday),
            Location = "Microsoft Teams Meeting",
        });

        Add(new SandboxEventSeed("Public holiday", At(nextMonday, 0), At(nextMonday.AddDays(1), 0), [])
        {
            IsAllDay = true,
            ShowAs = "oof",
            IsReminderOn = false,
        });

        // No stand-up on the holiday, and next week's BNI meeting runs long for visitors' day.
        mailbox.DeleteEvent(CalendarExpansion.OccurrenceId(standUp, nextMonday));
        var nextWednesday = nextMonday.AddDays(2);
        mailbox.UpdateEvent(CalendarExpansion.OccurrenceId(bni, nextWednesday), e => e with
        {
            Subject = "BNI chapter meeting – visitors' day",
            End = e.End.AddMinutes(30),
        });

        Add(new SandboxEventSeed(
            "Conference call",
            At(nextMonday.AddDays(1), 14),
            At(nextMonday.AddDays(1), 15),
            [new SandboxAttendee("Björn Østergaard", "bjorn@nordlysrenewables.co.nz")])
        {
            ShowAs = "tentative",
            IsOrganizer = false,
            Organizer = new SandboxAttendee("Björn Østergaard", "bjorn@nordlysrenewables.co.nz"),
        });
        Add(new SandboxEventSeed("Client workshop", At(nextMonday.AddDays(1), 9), At(nextMonday.AddDays(1), 12), [])
        {
            Location = "Tidewater Architects, Te Aro",
        });
        Add(new SandboxEventSeed("Proposal writing", At(nextWednesday, 13), At(nextWednesday, 15, 30), []));
        Add(new SandboxEventSeed("Accountant catch-up", At(nextMonday.AddDays(3), 10), At(nextMonday.AddDays(3), 11), [])
        {
            Location = "Kiwi Ledger Accounting",
        });
        Add(new SandboxEventSeed("Gym", At(nextMonday.AddDays(3), 12), At(nextMonday.AddDays(3), 13), []) { ShowAs = "free", IsReminderOn = false });
        Add(new SandboxEventSeed("Quarterly planning (private)", At(nextMonday.AddDays(4), 14), At(nextMonday.AddDays(4), 16, 30), [])
        {
            Sensitivity = "private",
        });
    }

    private static SandboxAttendee[] Colleagues(SandboxUser user)
    {
        var domain = user.Mail.Split('@')[1];
        return
        [
            new("Jordan Reid", $"jordan.reid@{domain}") { Response = "accepted" },
            new("Hine Tawhiri", $"hine.tawhiri@{domain}") { Response = "accepted" },
        ];
    }
}
