using FluentValidation;

namespace OfficeFollowUp.Store;

/// <summary>Where the worker keeps its SQLite file, the API key and the token cache.</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the database and secrets; default: the user's local application data.</summary>
    public string DataFolder { get; set; } = DefaultDataFolder();

    public string DatabaseFileName { get; set; } = "officefollowup.db";

    /// <summary>Start from an empty database: set in sandbox mode, whose mailbox lives in memory only.</summary>
    public bool ResetOnStart { get; set; }

    public string DatabasePath => Path.Combine(DataFolder, DatabaseFileName);

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
    }
}
