using FluentValidation;

namespace OfficeFollowUp.Outbox;

/// <summary>How the outbox retries and when it gives up on an item.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Failed tries after which an item stops and waits for the user's "try again".</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>An item still failing this long after its first failure stops at its next failure, however few tries it had.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Items worked at once per mailbox; Graph allows 4 concurrent requests per mailbox.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// How long a worker's claim on an item holds off other worker processes of the same PostgreSQL store. It lapses
    /// (another process takes the item over) only when the claiming process died mid-item, so it outlasts any one try.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class OutboxOptionsValidator : AbstractValidator<OutboxOptions>
{
    public OutboxOptionsValidator()
    {
        RuleFor(o => o.MaxAttempts).InclusiveBetween(1, 1000).WithName("Outbox:MaxAttempts");
        RuleFor(o => o.GiveUpAfter).GreaterThanOrEqualTo(TimeSpan.FromMinutes(1)).LessThanOrEqualTo(TimeSpan.FromDays(30)).WithName("Outbox:GiveUpAfter");
        RuleFor(o => o.Concurrency).InclusiveBetween(1, 4).WithName("Outbox:Concurrency");
        RuleFor(o => o.ClaimLease).GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)).LessThanOrEqualTo(TimeSpan.FromHours(1)).WithName("Outbox:ClaimLease");
    }
}
