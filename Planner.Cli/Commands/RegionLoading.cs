using Planner.Core.Model;
using Planner.Core.Synthetic;

namespace Planner.Cli.Commands;

/// <summary>
/// TEMPORARY STUB, TO BE REPLACED by <c>Planner.Core.IO.RegionFolderReader.Read(folder)</c> (written in parallel on
/// another branch; it returns a <c>RegionLoadResult</c> with <c>.Region</c> and <c>.Problems</c>). Until it is
/// merged this loads only synthetic regions, named <c>synthetic:EDGES,POINTS,STATIONS[,SEED]</c>, and reports
/// a problem for a real folder.
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

        return (null, [$"{folder}: reading region folders needs RegionFolderReader (Planner.Core/IO), not merged into this branch yet."]);
    }
}
