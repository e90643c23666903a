namespace OfficeFollowUp.TaskPane;

public sealed class TaskPaneOptions
{
    public const string Section = "TaskPane";

    /// <summary>The add-in's built files; relative paths are resolved from the worker's content root.</summary>
    public string DistFolder { get; set; } = "../../addin/dist";
}
