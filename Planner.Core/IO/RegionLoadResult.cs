using System.Collections.Immutable;
using Planner.Core.Model;
using Planner.Core.Validation;

namespace Planner.Core.IO;

/// <summary>A region read from a folder, with every problem found while reading.</summary>
/// <param name="Region">The region (features with errors left out), or null when region.json itself is unusable.</param>
/// <param name="Problems">Problems found, in file order.</param>
public sealed record RegionLoadResult(Region? Region, ImmutableArray<ValidationProblem> Problems)
{
    /// <summary>True when at least one problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
