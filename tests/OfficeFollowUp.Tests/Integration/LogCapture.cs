namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// A logger provider that keeps every line a worker logs, at every level, so a test can say what was written
/// (an event, its level) and what never was (an address, a name, a key).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedLine> _lines = new();

    public IReadOnlyList<LoggedLine> Entries => [.. _lines];

    /// <summary>The messages logged at Warning and above.</summary>
    public IReadOnlyList<string> Warnings => [.. _lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LoggedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LoggedLine(category, eventId.Id, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LoggedLine(string Category, int EventId, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The line as a console or file sink prints it: the message, then the exception if there is one.</summary>
    public string Text => Exception is null ? Message : Message + " " + Exception;
}
