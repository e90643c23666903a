using FluentValidation;

namespace OfficeFollowUp.Store;

/// <summary>
/// Where the worker keeps its data: a SQLite file in the data folder (the default: one person, nothing to install), or a
/// PostgreSQL database (many mailboxes, several worker processes). The data folder holds the API key and the token
/// cache either way.
/// </summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSQL</c>, which needs <see cref="ConnectionString"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>An Npgsql connection string; PostgreSQL only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the database and secrets; default: the user's local application data.</summary>
    public string DataFolder { get; set; } = DefaultDataFolder();

    public string DatabaseFileName { get; set; } = "officefollowup.db";

    /// <summary>Start from an empty database: set in sandbox mode, whose mailbox lives in memory only.</summary>
    public bool ResetOnStart { get; set; }

    public string DatabasePath => Path.Combine(DataFolder, DatabaseFileName);

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public static string DefaultDataFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OfficeFollowUp");
}

public sealed class StoreOptionsValidator : AbstractValidator<StoreOptions>
{
    public StoreOptionsValidator()
    {
        RuleFor(o => o.DataFolder).NotEmpty().WithName($"{StoreOptions.Section}:DataFolder");
        RuleFor(o => o.DatabaseFileName).NotEmpty().Must(n => n.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !n.Contains('/', StringComparison.Ordinal))
            .WithName($"{StoreOptions.Section}:DatabaseFileName").WithMessage("Storage:DatabaseFileName must be a plain file name.");
        RuleFor(o => o.Provider)
            .Must(p => string.Equals(p, StoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase) || string.Equals(p, StoreOptions.PostgreSql, StringComparison.OrdinalIgnoreCase))
            .WithName($"{StoreOptions.Section}:Provider")
            .WithMessage(o => $"Storage:Provider must be '{StoreOptions.Sqlite}' or '{StoreOptions.PostgreSql}', not '{o.Provider}'.");
        RuleFor(o => o.ConnectionString).NotEmpty().When(o => o.IsPostgreSql)
            .WithName($"{StoreOptions.Section}:ConnectionString")
            .WithMessage("Storage:ConnectionString is required when Storage:Provider is PostgreSQL (e.g. Host=db;Database=officefollowup;Username=ofu;Password=…).");
        RuleFor(o => o.ConnectionString).Must(BeAnNpgsqlConnectionString).When(o => o.IsPostgreSql && !string.IsNullOrEmpty(o.ConnectionString))
            .WithName($"{StoreOptions.Section}:ConnectionString").WithMessage("Storage:ConnectionString is not a valid PostgreSQL connection string.");
    }

    private static bool BeAnNpgsqlConnectionString(string? value)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
