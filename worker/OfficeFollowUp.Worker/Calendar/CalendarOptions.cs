using FluentValidation;

namespace OfficeFollowUp.Calendar;

/// <summary>What makes an event a networking event, and how one-to-one holds are placed.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public string NetworkingCategory { get; set; } = "Networking";

    public List<string> SubjectKeywords { get; set; } =
    [
        "mixer", "networking", "chapter meeting", "chamber", "meetup", "business breakfast", "bni", "after hours",
    ];

    /// <summary>Offer the user's colleagues (same email domain) as people to follow up with.</summary>
    public bool IncludeColleagues { get; set; }

    public TimeSpan WindowBack { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan WindowAhead { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A contact created this long after a networking event ended is someone met there.</summary>
    public TimeSpan ContactLinkWindow { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan MeetingLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Free time kept before and after a hold, so it does not sit back to back with other meetings.</summary>
    public TimeSpan MeetingBuffer { get; set; } = TimeSpan.FromMinutes(15);

    public int PageSize { get; set; } = 50;

    /// <summary>When a person is ready for their one-to-one hold: once the thank-you was sent, or from the connect step on.</summary>
    public HoldReadiness HoldAfter { get; set; } = HoldReadiness.ThankYouSent;

    /// <summary>Holds placed on one day at most, so a busy week of events is not a wall of holds.</summary>
    public int MaxHoldsPerDay { get; set; } = 2;

    /// <summary>Holds placed in one week (Monday to Sunday, in the mailbox's zone) at most.</summary>
    public int MaxHoldsPerWeek { get; set; } = 5;

    /// <summary>On the first connection, networking events that ended this recently still get their prompt.</summary>
    public TimeSpan PromptLookBack { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long an unanswered prompt stays in the pane.</summary>
    public TimeSpan PromptKeepOpen { get; set; } = TimeSpan.FromDays(14);
}

public sealed class CalendarOptionsValidator : AbstractValidator<CalendarOptions>
{
    public CalendarOptionsValidator()
    {
        RuleFor(o => o.NetworkingCategory).NotEmpty().MaximumLength(255).WithName("Calendar:NetworkingCategory");
        RuleForEach(o => o.SubjectKeywords).NotEmpty().WithName("Calendar:SubjectKeywords");
        RuleFor(o => o.WindowBack).InclusiveBetween(TimeSpan.FromDays(1), TimeSpan.FromDays(365)).WithName("Calendar:WindowBack");
        RuleFor(o => o.WindowAhead).InclusiveBetween(TimeSpan.FromDays(31), TimeSpan.FromDays(365)).WithName("Calendar:WindowAhead")
            .WithMessage("Calendar:WindowAhead must cover the 30-day one-to-one window (31 to 365 days).");
        RuleFor(o => o.ContactLinkWindow).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromDays(3)).WithName("Calendar:ContactLinkWindow");
        RuleFor(o => o.MeetingLength).InclusiveBetween(TimeSpan.FromMinutes(10), TimeSpan.FromHours(4)).WithName("Calendar:MeetingLength");
        RuleFor(o => o.MeetingBuffer).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromHours(2)).WithName("Calendar:MeetingBuffer");
        RuleFor(o => o.PageSize).InclusiveBetween(1, 1000).WithName("Calendar:PageSize");
        RuleFor(o => o.HoldAfter).IsInEnum().WithName("Calendar:HoldAfter").WithMessage("Calendar:HoldAfter must be ThankYouSent, ConnectStep or TrackStart.");
        RuleFor(o => o.MaxHoldsPerDay).InclusiveBetween(1, 20).WithName("Calendar:MaxHoldsPerDay");
        RuleFor(o => o.MaxHoldsPerWeek).InclusiveBetween(1, 100).WithName("Calendar:MaxHoldsPerWeek")
            .GreaterThanOrEqualTo(o => o.MaxHoldsPerDay).WithMessage("Calendar:MaxHoldsPerWeek must be at least Calendar:MaxHoldsPerDay.");
        RuleFor(o => o.PromptLookBack).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromDays(30)).WithName("Calendar:PromptLookBack");
        RuleFor(o => o.PromptKeepOpen).InclusiveBetween(TimeSpan.FromDays(1), TimeSpan.FromDays(60)).WithName("Calendar:PromptKeepOpen");
    }
}
