using System.Collections.Immutable;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Validation;

namespace Planner.Core.Import;

/// <summary>
/// Loading a region folder for an import step and writing it back: a step refuses a folder that does not
/// load cleanly, and records the provenance of the layer it replaced in region.json <c>sources</c>.
/// </summary>
public static class RegionEditing
{
    /// <summary>Reads <paramref name="folder"/>; throws with one line per error when it does not load cleanly.</summary>
    /// <exception cref="ImportException">The folder has errors.</exception>
    public static Region Load(string folder)
    {
        var result = RegionFolderReader.Read(folder);
        var errors = result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (result.Region is null || errors.Count > 0)
        {
            throw new ImportException(errors.Select(e => ImportException.Line(Path.Combine(folder, e.FileName()), e.FeatureId, e.Field, e.Message)));
        }

        return result.Region;
    }

    /// <summary>
    /// Writes <paramref name="region"/> to <paramref name="folder"/> after checking what a layer replacement
    /// can break in the others: every need's group must still be one of the region's groups.
    /// </summary>
    /// <exception cref="ImportException">A need names a group the region no longer has.</exception>
    public static void Save(Region region, string folder)
    {
        var orphans = region.Needs.Where(n => !region.Groups.Contains(n.Group))
            .Select(n => ImportException.Line(Path.Combine(folder, RegionFiles.Needs), n.Id, "group", $"'{n.Group}' is not among the new groups {region.Groups}: re-run 'planner import illustrative' or edit the needs"))
            .ToList();
        if (orphans.Count > 0)
        {
            throw new ImportException(orphans);
        }

        RegionFolderWriter.Write(region, folder);
    }

    /// <summary>The sources with every entry for <paramref name="source"/>'s layer replaced by it (kept in layer order).</summary>
    public static ImmutableArray<DataSource> WithSource(ImmutableArray<DataSource> sources, DataSource source)
    {
        var kept = sources.Where(s => s.Layer != source.Layer).Append(source);
        return [.. kept.OrderBy(s => LayerOrder(s.Layer)).ThenBy(s => s.Layer, StringComparer.Ordinal)];
    }

    /// <summary>A region with <paramref name="source"/> recorded in its sources.</summary>
    public static Region WithSource(this Region region, DataSource source) =>
        region with { Info = region.Info with { Sources = WithSource(region.Info.Sources, source) } };

    private static int LayerOrder(string layer) => layer switch
    {
        "roads" => 0,
        "places" => 1,
        "public_buildings" => 2,
        "units" => 3,
        "grids" => 4,
        "demand" => 5,
        "stations" => 6,
        "teams" => 7,
        "needs" => 8,
        _ => 9,
    };
}
