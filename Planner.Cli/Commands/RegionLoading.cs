using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Synthetic;
using Planner.Core.Validation;

namespace Planner.Cli.Commands;

/// <summary>
/// Loads the region a command works on: a region folder through <see cref="RegionFolderReader"/> (errors are
/// returned one line each; warnings do not stop the command), or a generated test region named
/// <c>synthetic:EDGES,POINTS,STATIONS[,SEED]</c> for timing runs.
/// </summary>
internal static class RegionLoading
{
    /// <summary>The region, or null with one message per problem.</summary>
    public static (Region? Region, IReadOnlyList<string> Problems) Load(string folder)
    {
        const string prefix = "synthetic:";
        if (folder.StartsWith(prefix, StringComparison.Ordinal))
        {
            var parts = folder[prefix.Length..].Split(',');
            if (parts.Length is < 3 or > 4 || !parts.All(p => int.TryParse(p, out int v) && v >= 0))
            {
                return (null, [$"{folder}: expected synthetic:EDGES,POINTS,STATIONS[,SEED] with non-negative integers."]);
            }

            var n = parts.Select(int.Parse).ToArray();
            return (SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(n[0], n[1], n[2], n.Length > 3 ? n[3] : 1)), []);
        }

        if (!Directory.Exists(folder))
        {
            return (null, [$"{folder}: region folder not found."]);
        }

        var load = RegionFolderReader.Read(folder);
        var errors = load.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{folder}/{RegionFiles.Describe(p)}").ToList();
        return errors.Count > 0 || load.Region is null ? (null, errors) : (load.Region, []);
    }
}
