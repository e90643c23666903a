using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Calendar;

public static class CalendarExtensions
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CalendarOptions, CalendarOptionsValidator>(builder.Configuration, CalendarOptions.Section);
        builder.Services.AddSingleton<SaveEventsPage>();
        builder.Services.AddSingleton<RemoveMissingEvents>();
        builder.Services.AddSingleton<SyncCalendar>();
        builder.Services.AddSingleton<BookMeetingHold>();
        return builder;
    }
}
