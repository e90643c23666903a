namespace OfficeFollowUp.Sandbox;

public sealed record SandboxUser(
    string Id,
    string DisplayName,
    string GivenName,
    string Surname,
    string Mail,
    string UserPrincipalName,
    string PreferredLanguage,
    IReadOnlyList<string> ProxyAddresses);

public sealed record SandboxWorkingHours(IReadOnlyList<DayOfWeek> DaysOfWeek, TimeOnly Start, TimeOnly End);
