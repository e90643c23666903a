namespace OfficeFollowUp.Reliability.Harness;

/// <summary>
/// New people arriving the two ways the product notices them: a contact added in Outlook, and a networking event
/// that has ended, whose "whom will you follow up with?" prompt the user answers through the worker's API.
/// Keeps the list of everyone the worker should now follow up with.
/// </summary>
internal sealed class Arrivals(DrillWorld world, string run)
{
    private readonly Dictionary<string, PickedPerson[]> _unanswered = new(StringComparer.Ordinal);
    private readonly List<ExpectedPerson> _expected = [];

    public IReadOnlyList<ExpectedPerson> Expected => _expected;

    public int Contacts { get; private set; }

    public int Mixers { get; private set; }

    public void AddContacts(int wave, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var email = $"contact{wave}-{i}@{run}.example";
            world.Mailbox.AddContact(new SandboxContactSeed($"Cora{wave}x{i}", "Arrival", [email], "Drill Works"));
            _expected.Add(new ExpectedPerson(email, $"new contact, wave {wave}"));
            Contacts++;
        }
    }

    /// <summary>A networking event that ended an hour ago with four guests; the user will follow up with two of them.</summary>
    public void AddMixer(int wave)
    {
        var end = DateTimeOffset.UtcNow.AddHours(-1);
        var guests = Enumerable.Range(1, 4)
            .Select(g => new SandboxAttendee($"Guest{g} Mixer{wave}", $"guest{wave}-{g}@mixer-{run}.example"))
            .ToList();
        var id = world.Mailbox.AddEvent(new SandboxEventSeed(
            $"Harbour mixer {wave}", end.AddHours(-2), end,
            [new SandboxAttendee(world.Mailbox.User.DisplayName, world.Mailbox.User.Mail), .. guests])
        {
            Categories = ["Networking"],
        });
        var chosen = guests.Take(2).Select(g => new PickedPerson(g.Address, g.Name!, "Talked about sailing")).ToArray();
        _unanswered[id] = chosen;
        _expected.AddRange(chosen.Select(p => new ExpectedPerson(p.Email, $"picked after mixer {wave}")));
        Mixers++;
    }

    /// <summary>Answers every open prompt the drill has picks for; an event leaves the list once its prompt is answered.</summary>
    public async Task AnswerOpenPromptsAsync()
    {
        foreach (var (eventId, people) in _unanswered.ToList())
        {
            switch (await world.TryPickAsync(eventId, people))
            {
                case PickResult.Answered:
                case PickResult.AlreadyAnswered:
                    // Already answered: an earlier answer went through before its worker was killed.
                    _unanswered.Remove(eventId);
                    break;
                case PickResult.WorkerUnavailable:
                    return;
                case PickResult.NotSyncedYet:
                    break;
                default:
                    throw new InvalidOperationException("Unknown pick result.");
            }
        }
    }

    /// <summary>Keeps answering until no prompt the drill has picks for is left.</summary>
    public Task AnswerAllPromptsAsync(TimeSpan timeout) =>
        Eventually.HoldsAsync(async () =>
        {
            await AnswerOpenPromptsAsync();
            return _unanswered.Count == 0;
        }, timeout, "every mixer's prompt was answered", () => world.Worker?.RecentOutput ?? string.Empty);
}
