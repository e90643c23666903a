namespace OfficeFollowUp.Api;

/// <summary>A list answer: {"items": […]}.</summary>
public sealed record ItemsDto<T>(IReadOnlyList<T> Items)
{
    public static readonly ItemsDto<T> Empty = new([]);
}

/// <summary>A list whose times are in the mailbox's zone, named by its IANA id: {"timeZone": "Pacific/Auckland", "items": […]}.</summary>
public sealed record ZonedItemsDto<T>(string TimeZone, IReadOnlyList<T> Items)
{
    /// <summary>Before the mailbox is connected: nothing, in UTC.</summary>
    public static readonly ZonedItemsDto<T> Empty = new("UTC", []);
}
