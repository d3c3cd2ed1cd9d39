namespace Planner.Core.Scenarios;

/// <summary>
/// One problem of a list of scenario edits, found where the edits are read (<see cref="ScenarioEditJson"/>) or
/// checked against a region (<see cref="ScenarioEditValidator"/>).
/// </summary>
/// <param name="Path">The field in the JSON exchange form, e.g. <c>edits[2].speed_kmh</c> (<c>edits</c> for the list itself).</param>
/// <param name="Message">What is wrong and what would be accepted, a sentence that stands without the path.</param>
/// <param name="Kind">The sort of problem.</param>
public sealed record ScenarioProblem(string Path, string Message, ScenarioProblemKind Kind)
{
    /// <summary>The 0-based position of the edit in its list, or null for a problem of the list itself.</summary>
    public int? EditIndex { get; init; }

    /// <summary>The kind of the edit (<c>set_speed</c>), when known.</summary>
    public string? EditKind { get; init; }

    /// <summary>A problem of edit <paramref name="index"/> in field <paramref name="field"/> (its JSON name; empty for the edit itself).</summary>
    public static ScenarioProblem AtEdit(int index, string? editKind, string field, string message, ScenarioProblemKind kind) =>
        new(field.Length == 0 ? $"edits[{index}]" : $"edits[{index}].{field}", message, kind) { EditIndex = index, EditKind = editKind };

    /// <summary>
    /// The problem in one line naming the edit by its 1-based position and kind, as the applier and the CLI report it:
    /// <c>edit 3 (set_speed): speed 125 km/h is out of range; ...</c>.
    /// </summary>
    public string Describe() => EditIndex is { } i ? $"edit {i + 1} ({EditKind ?? "?"}): {Message}" : $"{Path}: {Message}";

    /// <inheritdoc />
    public override string ToString() => Describe();
}
