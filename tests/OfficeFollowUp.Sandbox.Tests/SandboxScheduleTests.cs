using Microsoft.Graph.Me.Calendar.GetSchedule;
using Microsoft.Kiota.Abstractions;

namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxScheduleTests
{
    private const string Auckland = "Pacific/Auckland";

    /// <summary>Next week in the sample data: Monday 17 to Saturday 22 March 2025, Auckland time.</summary>
    private static GetSchedulePostRequestBody NextWeek(params string[] schedules) => new()
    {
        Schedules = [.. schedules],
        StartTime = new DateTimeTimeZone { DateTime = "2025-03-17T00:00:00", TimeZone = Auckland },
        EndTime = new DateTimeTimeZone { DateTime = "2025-03-22T00:00:00", TimeZone = Auckland },
        AvailabilityViewInterval = 30,
    };

    private static string ExpectedNextWeekView()
    {
        var view = new string('0', 5 * 48).ToCharArray();
        void Mark(int day, double fromHour, double toHour, char status)
        {
            for (var slot = (int)(fromHour * 2); slot < (int)Math.Ceiling(toHour * 2); slot++)
            {
                view[(day * 48) + slot] = status;
            }
        }

        Mark(0, 0, 24, '3');       // Public holiday, all day, out of office (the stand-up is cancelled).
        Mark(1, 9, 12, '2');       // Client workshop.
        Mark(1, 14, 15, '1');      // Tentative conference call.
        Mark(2, 7, 9, '2');        // BNI visitors' day (an exception running 30 minutes long).
        Mark(2, 13, 15.5, '2');    // Proposal writing.
        Mark(3, 10, 11, '2');      // Accountant; the gym at 12:00 is free and stays 0.
        Mark(4, 14, 16.5, '2');    // Private quarterly planning.
        return new string(view);
    }

    [Fact]
    public async Task Own_schedule_reflects_busy_tentative_free_and_all_day_events_in_the_requested_zone()
    {
        await using var h = await SandboxHarness.StartAsync();

        var response = await h.Graph.Me.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            NextWeek(h.Mailbox.User.Mail), c => SandboxHarness.Prefer(c));

        var schedule = Assert.Single(response!.Value!);
        Assert.Equal(h.Mailbox.User.Mail, schedule.ScheduleId);
        Assert.Null(schedule.Error);
        Assert.Equal(ExpectedNextWeekView(), schedule.AvailabilityView);
        var items = schedule.ScheduleItems!;
        var workshop = Assert.Single(items, i => i.Subject == "Client workshop");
        Assert.Equal(FreeBusyStatus.Busy, workshop.Status);
        Assert.Equal("2025-03-18T09:00:00.0000000", workshop.Start!.DateTime);
        Assert.Equal(Auckland, workshop.Start.TimeZone);
        Assert.Equal("Tidewater Architects, Te Aro", workshop.Location);
        Assert.Equal(FreeBusyStatus.Free, Assert.Single(items, i => i.Subject == "Gym").Status);
        Assert.Equal(FreeBusyStatus.Tentative, Assert.Single(items, i => i.Subject == "Conference call").Status);
        Assert.True(Assert.Single(items, i => i.Subject == "Quarterly planning (private)").IsPrivate);
        var holiday = Assert.Single(items, i => i.Subject == "Public holiday");
        Assert.Equal(("2025-03-17T00:00:00.0000000", "2025-03-18T00:00:00.0000000"), (holiday.Start!.DateTime, holiday.End!.DateTime));
        Assert.DoesNotContain(items, i => i.Subject == "Team stand-up");

        var hours = schedule.WorkingHours!;
        Assert.Equal(new Time(8, 30, 0), hours.StartTime);
        Assert.Equal(new Time(17, 30, 0), hours.EndTime);
        Assert.Equal("New Zealand Standard Time", hours.TimeZone!.Name);
        Assert.Equal(5, hours.DaysOfWeek!.Count);
    }

    [Fact]
    public async Task Prefer_outlook_timezone_wins_over_the_request_zone_for_item_times()
    {
        await using var h = await SandboxHarness.StartAsync();

        var response = await h.Graph.Me.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            NextWeek(h.Mailbox.User.Mail), c => c.Headers.Add("Prefer", "outlook.timezone=\"UTC\""));

        var workshop = response!.Value!.Single().ScheduleItems!.Single(i => i.Subject == "Client workshop");
        Assert.Equal("UTC", workshop.Start!.TimeZone);
        Assert.Equal("2025-03-17T20:00:00.0000000", workshop.Start.DateTime);
    }

    [Fact]
    public async Task A_new_hold_shows_in_the_schedule_and_changed_working_hours_show_in_both_places()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.WorkingHours = new SandboxWorkingHours([DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(15, 0));
        h.Mailbox.TimeZone = "AUS Eastern Standard Time";
        await h.Graph.Me.Events.PostAsync(new Event
        {
            Subject = "Hold",
            ShowAs = FreeBusyStatus.Tentative,
            Start = new DateTimeTimeZone { DateTime = "2025-03-21T09:00:00", TimeZone = Auckland },
            End = new DateTimeTimeZone { DateTime = "2025-03-21T09:30:00", TimeZone = Auckland },
        });

        var schedule = (await h.Graph.Me.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(NextWeek(h.Mailbox.User.Mail)))!.Value!.Single();
        var settings = await h.Graph.Me.MailboxSettings.GetAsync();

        Assert.Equal('1', schedule.AvailabilityView![(4 * 48) + 18]);
        Assert.Equal(new Time(9, 0, 0), schedule.WorkingHours!.StartTime);
        Assert.Equal(settings!.WorkingHours!.StartTime, schedule.WorkingHours.StartTime);
        Assert.Equal(settings.WorkingHours.DaysOfWeek, schedule.WorkingHours.DaysOfWeek);
        Assert.Equal("AUS Eastern Standard Time", schedule.WorkingHours.TimeZone!.Name);
        Assert.Equal(settings.WorkingHours.TimeZone!.Name, schedule.WorkingHours.TimeZone.Name);
    }

    [Fact]
    public async Task Other_peoples_schedules_come_back_as_an_error_entry_like_graph()
    {
        await using var h = await SandboxHarness.StartAsync();

        var response = await h.Graph.Me.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            NextWeek("sofia@tidewaterarchitects.co.nz", "ALEX.MORGAN@harbourlightadvisory.co.nz"));

        var other = response!.Value![0];
        Assert.Equal("sofia@tidewaterarchitects.co.nz", other.ScheduleId);
        Assert.False(string.IsNullOrEmpty(other.Error!.Message));
        Assert.Equal("ErrorMailRecipientNotFound", other.Error.ResponseCode);
        Assert.Null(response.Value[1].Error);
        Assert.Equal(240, response.Value[1].AvailabilityView!.Length);
    }

    [Fact]
    public async Task A_schedule_request_without_a_window_is_a_bad_request()
    {
        await using var h = await SandboxHarness.StartAsync();
        var body = NextWeek(h.Mailbox.User.Mail);
        body.EndTime = null;

        var error = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(
            () => h.Graph.Me.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body));

        Assert.Equal(400, error.ResponseStatusCode);
    }
}
