using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Synthetic;
using Planner.Core.Validation;

namespace Planner.Cli.Commands;

/// <summary>
/// Loads the region a command works on: a region folder through <see cref="RegionFolderReader"/> and
/// <see cref="RegionValidator"/>, so a command refuses what <c>planner validate</c> refuses (errors are returned one
/// line each; warnings do not stop the command), or a generated test region named
/// <c>synthetic:EDGES,POINTS,STATIONS[,SEED]</c> for timing runs.
/// </summary>
internal static class RegionLoading
{
    /// <summary>The region, or null with one message per problem.</summary>
    public static (Region? Region, IReadOnlyList<string> Problems) Load(string folder)
    {
        var (region, problems, _) = Read(folder);
        return (region, problems);
    }

    /// <summary>
    /// The region for a coverage run, or null with one message per problem. Beyond <see cref="Load"/>, coverage
    /// needs people (a demand.csv with rows) and a stations file; an empty layer is a warning.
    /// </summary>
    public static (Region? Region, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings) LoadForCoverage(string folder)
    {
        var (region, problems, warnings) = Read(folder);
        if (region is null || folder.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return (region, problems, warnings);
        }

        var errors = new List<string>();
        if (region.Demand.IsEmpty)
        {
            errors.Add($"{folder}/{RegionFiles.Demand}: no demand points: coverage needs people (the file is missing or holds only its header)");
        }

        if (!File.Exists(Path.Combine(folder, RegionFiles.Stations)))
        {
            errors.Add($"{folder}/{RegionFiles.Stations}: file is missing: coverage needs stations");
        }
        else if (region.Stations.IsEmpty)
        {
            warnings.Add($"{folder}/{RegionFiles.Stations}: no stations: nobody is covered");
        }

        if (region.Roads.IsEmpty)
        {
            warnings.Add($"{folder}/{RegionFiles.Roads}: no roads: coverage falls back to straight-line distance");
        }

        return errors.Count > 0 ? (null, errors, warnings) : (region, [], warnings);
    }

    private const string SyntheticPrefix = "synthetic:";

    private static (Region? Region, List<string> Problems, List<string> Warnings) Read(string folder)
    {
        if (folder.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            var parts = folder[SyntheticPrefix.Length..].Split(',');
            if (parts.Length is < 3 or > 4 || !parts.All(p => int.TryParse(p, out int v) && v >= 0))
            {
                return (null, [$"{folder}: expected synthetic:EDGES,POINTS,STATIONS[,SEED] with non-negative integers."], []);
            }

            var n = parts.Select(int.Parse).ToArray();
            return (SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(n[0], n[1], n[2], n.Length > 3 ? n[3] : 1)), [], []);
        }

        if (!Directory.Exists(folder))
        {
            return (null, [$"{folder}: region folder not found."], []);
        }

        var load = RegionFolderReader.Read(folder);
        var all = load.Problems.ToList();
        if (load.Region is not null && !load.HasErrors)
        {
            // The cross-feature checks of validate with its defaults (duplicate ids, a unit that is its own parent).
            all.AddRange(RegionValidator.Validate(load.Region));
        }

        var errors = all.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{folder}/{RegionFiles.Describe(p)}").ToList();
        return errors.Count > 0 || load.Region is null ? (null, errors, []) : (load.Region, [], []);
    }
}
