namespace Planner.Core.Import;

/// <summary>
/// Bad input to an importer: each line names the file, the feature or row, the field and the reason.
/// The CLI prints one line per problem and exits with code 2.
/// </summary>
public sealed class ImportException : Exception
{
    /// <summary>Creates the exception from one or more problem lines.</summary>
    public ImportException(IEnumerable<string> problems)
        : this(problems.ToArray())
    {
    }

    private ImportException(string[] problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception from one problem line.</summary>
    public ImportException(string problem)
        : this(new[] { problem })
    {
    }

    /// <summary>Creates the exception with no problems listed (required by the exception pattern).</summary>
    public ImportException()
        : this("import failed")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public ImportException(string problem, Exception inner)
        : base(problem, inner)
    {
        Problems = [problem];
    }

    /// <summary>One line per problem: file, feature/row, field, reason.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    /// <summary>Formats a problem line: <c>file: feature: field: reason</c>.</summary>
    public static string Line(string file, string feature, string field, string reason) =>
        string.Join(": ", new[] { file, feature, field, reason }.Where(s => !string.IsNullOrEmpty(s)));
}
