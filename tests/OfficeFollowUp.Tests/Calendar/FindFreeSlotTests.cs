namespace OfficeFollowUp.Tests.Calendar;

public class FindFreeSlotTests
{
    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("Pacific/Auckland");
    private static readonly TimeSpan Half = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Buffer = TimeSpan.FromMinutes(15);

    private static readonly WorkingWeek Weekdays = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(8, 30), new TimeOnly(17, 30), Auckland);

    private static DateTimeOffset Akl(int year, int month, int day, int hour, int minute = 0) =>
        MailboxTime.AtWallClock(new DateTime(year, month, day, hour, minute, 0), Auckland);

    private static TimeWindow Busy(DateTimeOffset start, TimeSpan length) => new(start, start + length);

    [Fact]
    public void A_user_in_Auckland_gets_a_slot_in_Auckland_working_hours_whatever_the_servers_zone()
    {
        // 2026-11-25 19:00 UTC is Thursday 26 Nov 08:00 in Auckland (NZDT, +13).
        var now = new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

        var slot = FindFreeSlot.Run([], Weekdays, now, now.AddDays(30), Half, Buffer);

        Assert.Equal(Akl(2026, 11, 26, 8, 30), slot?.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 30, 0, TimeSpan.Zero), slot?.Start.ToUniversalTime());
    }

    [Fact]
    public void Busy_and_tentative_time_is_avoided_with_a_buffer_on_both_sides()
    {
        var monday = Akl(2026, 11, 30, 8, 0);
        var busy = BusyTimes.From([
            new ScheduleEntry("busy", Akl(2026, 11, 30, 8, 30), Akl(2026, 11, 30, 10, 0)),
            new ScheduleEntry("tentative", Akl(2026, 11, 30, 10, 30), Akl(2026, 11, 30, 11, 0)),
            new ScheduleEntry("free", Akl(2026, 11, 30, 11, 15), Akl(2026, 11, 30, 12, 0)),
        ]);

        var slot = FindFreeSlot.Run(busy, Weekdays, monday, monday.AddDays(5), Half, Buffer);

        // 10:15 would end at 10:45, inside the tentative block's buffer; after it: 11:15 (free time does not block).
        Assert.Equal(Akl(2026, 11, 30, 11, 15), slot?.Start);
    }

    [Fact]
    public void An_all_day_out_of_office_blocks_the_whole_day_but_an_all_day_free_holiday_does_not()
    {
        var monday = Akl(2026, 11, 30, 7, 0);
        var allDayOof = new ScheduleEntry("oof", Akl(2026, 11, 30, 0, 0), Akl(2026, 12, 1, 0, 0));
        var allDayFree = new ScheduleEntry("free", Akl(2026, 12, 1, 0, 0), Akl(2026, 12, 2, 0, 0));

        var slot = FindFreeSlot.Run(BusyTimes.From([allDayOof, allDayFree]), Weekdays, monday, monday.AddDays(5), Half, Buffer);

        Assert.Equal(Akl(2026, 12, 1, 8, 30), slot?.Start);
    }

    [Fact]
    public void A_DST_change_inside_the_window_keeps_working_hours_on_the_wall_clock()
    {
        // NZ daylight time ends Sunday 5 April 2026; from Monday 6 April Auckland is +12.
        var from = Akl(2026, 4, 3, 17, 15); // Friday, too late for 30 minutes
        var busyMonday = Busy(Akl(2026, 4, 6, 8, 30), TimeSpan.FromHours(2));

        var slot = FindFreeSlot.Run([busyMonday], Weekdays, from, from.AddDays(10), Half, Buffer);

        Assert.Equal(new DateTime(2026, 4, 6, 10, 45, 0), TimeZoneInfo.ConvertTime(slot!.Start, Auckland).DateTime);
        Assert.Equal(TimeSpan.FromHours(12), TimeZoneInfo.ConvertTime(slot.Start, Auckland).Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 22, 45, 0, TimeSpan.Zero), slot.Start.ToUniversalTime());
    }

    [Fact]
    public void No_free_slot_in_the_window_gives_nothing_rather_than_an_impossible_time()
    {
        var from = Akl(2026, 11, 30, 8, 0);
        var wholeWeek = Busy(from, TimeSpan.FromDays(7));

        Assert.Null(FindFreeSlot.Run([wholeWeek], Weekdays, from, from.AddDays(7), Half, Buffer));
    }

    [Fact]
    public void A_window_that_ends_before_working_hours_start_has_no_slot()
    {
        var from = Akl(2026, 11, 30, 17, 20);

        Assert.Null(FindFreeSlot.Run([], Weekdays, from, Akl(2026, 12, 1, 8, 45), Half, Buffer));
    }

    [Fact]
    public void Working_hours_on_non_standard_days_are_honoured()
    {
        var dubai = MailboxTimeZone.Resolve("Asia/Dubai");
        var sundayToThursday = new WorkingWeek(
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
            new TimeOnly(9, 0), new TimeOnly(13, 0), dubai);
        // Friday 27 Nov 2026 10:00 in Dubai (+4).
        var friday = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(4));

        var slot = FindFreeSlot.Run([], sundayToThursday, friday, friday.AddDays(7), Half, Buffer);

        var local = TimeZoneInfo.ConvertTime(slot!.Start, dubai);
        Assert.Equal((DayOfWeek.Sunday, new TimeOnly(9, 0)), (local.DayOfWeek, TimeOnly.FromDateTime(local.DateTime)));
    }

    [Fact]
    public void A_slot_starts_on_a_quarter_hour_and_not_in_the_past()
    {
        var from = Akl(2026, 11, 30, 9, 7);

        var slot = FindFreeSlot.Run([], Weekdays, from, from.AddDays(3), Half, Buffer);

        Assert.Equal(Akl(2026, 11, 30, 9, 15), slot?.Start);
        Assert.Equal(slot!.Start + Half, slot.End);
    }

    [Fact]
    public void A_slot_never_runs_past_the_end_of_working_hours()
    {
        var from = Akl(2026, 11, 30, 17, 5);

        var slot = FindFreeSlot.Run([], Weekdays, from, from.AddDays(3), Half, Buffer);

        Assert.Equal(Akl(2026, 12, 1, 8, 30), slot?.Start);
    }
}
