namespace OfficeFollowUp.Sandbox;

/// <summary>
/// "The user came back from a mixer": once the worker has finished its baseline of every contact folder,
/// adds a few new people one per interval, so a newcomer sees detection and follow-up drafts happen. One of them
/// (<see cref="BirthdayPerson"/>) has a birthday tomorrow in the mailbox's zone, so the birthday draft shows too.
/// </summary>
public sealed class SandboxSampleScript(SandboxMailbox mailbox, TimeProvider time)
{
    private static readonly TimeSpan BaselinePollInterval = TimeSpan.FromMilliseconds(200);

    private readonly SandboxMailbox _mailbox = mailbox ?? throw new ArgumentNullException(nameof(mailbox));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Which of the mixer people has a birthday tomorrow.</summary>
    public const int BirthdayPerson = 1;

    private DateOnly Tomorrow()
    {
        var zone = SandboxTimeZones.Find(_mailbox.TimeZone) ?? TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime).AddDays(1);
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        while (!_mailbox.BaselineServed)
        {
            await Task.Delay(BaselinePollInterval, _time, ct).ConfigureAwait(false);
        }

        var eventsFolder = _mailbox.ContactFolders.FirstOrDefault(f => f.DisplayName == SandboxSampleData.EventsFolderName)?.Id;
        for (var i = 0; i < SandboxSampleData.MixerPeople.Length; i++)
        {
            await Task.Delay(interval, _time, ct).ConfigureAwait(false);
            // Alternate folders so both folders' delta rounds carry news.
            var person = SandboxSampleData.MixerPeople[i];
            _mailbox.AddContact(i == BirthdayPerson ? person with { Birthday = Tomorrow().AddYears(-44) } : person, i % 2 == 1 ? eventsFolder : null);
        }
    }
}
