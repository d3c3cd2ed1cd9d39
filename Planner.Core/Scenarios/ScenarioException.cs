using System.Collections.Immutable;

namespace Planner.Core.Scenarios;

/// <summary>A scenario that cannot be read or applied; <see cref="Problems"/> lists every reason.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from its problems (one message each).</summary>
    public ScenarioException(IEnumerable<string> problems)
        : base(Join(problems))
    {
        Problems = [.. problems];
    }

    /// <summary>Creates the exception with one message.</summary>
    public ScenarioException()
        : this(["invalid scenario"])
    {
    }

    /// <summary>Creates the exception with one message.</summary>
    public ScenarioException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, in edit order, each naming the edit (e.g. <c>edit 2 (move_station): unknown station 'S9'</c>).</summary>
    public ImmutableArray<string> Problems { get; }

    private static string Join(IEnumerable<string> problems) => string.Join("; ", problems);
}
