using Planner.Core.Model;

namespace Planner.Core.Import.Boundaries;

/// <summary>
/// Puts imported boundaries into a region: the imported levels replace the region's units of those levels (the
/// others stay), demand whose unit is gone is placed again in the new units (<see cref="DemandAssembler"/>), and the
/// region's sources record the file. The CLI's <c>import units --from</c> and the API's layer upload both store this.
/// </summary>
public static class UnitReplacement
{
    /// <summary>What was read and how, for the region's sources.</summary>
    /// <param name="FileName">The boundary file's name.</param>
    /// <param name="Licence">Licence or terms of the data (null: the data holder's, not stated).</param>
    /// <param name="Options">The fields the units were read by.</param>
    public sealed record Provenance(string FileName, string? Licence, UnitBoundaryImporter.Options Options);

    /// <summary>The region with the units of <paramref name="imported"/> in place, and how many demand points were placed again.</summary>
    /// <param name="region">The region before the import.</param>
    /// <param name="imported">A result without refused features.</param>
    /// <param name="file">The file as read (its CRS is recorded).</param>
    /// <param name="provenance">What the sources say.</param>
    /// <exception cref="ArgumentException"><paramref name="imported"/> has refused features.</exception>
    public static (Region Region, int DemandPlaced) Replace(Region region, UnitBoundaryImporter.Result imported, BoundaryFile file, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(provenance);
        if (!imported.Refused.IsEmpty)
        {
            throw new ArgumentException("an import with refused features stores nothing", nameof(imported));
        }

        var levels = imported.Units.Select(u => u.Level).ToHashSet();
        var units = region.Units.Where(u => !levels.Contains(u.Level)).Concat(imported.Units).OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var updated = region with { Units = [.. units] };
        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);

        // Demand whose unit is gone is placed again in the new units (the rest keeps its unit).
        var orphans = updated.Demand.Where(d => d.UnitCode is null || !codes.Contains(d.UnitCode)).Select(d => new PopulationPoint(d.Id, d.Location, d.Counts)).ToList();
        if (orphans.Count > 0)
        {
            var placed = DemandAssembler.Assemble(updated, orphans).ToDictionary(d => d.Id, StringComparer.Ordinal);
            updated = updated with { Demand = [.. updated.Demand.Select(d => placed.TryGetValue(d.Id, out var p) ? d with { UnitCode = p.UnitCode } : d)] };
        }

        var o = provenance.Options;
        updated = updated.WithSource(new DataSource("units", provenance.FileName, provenance.Licence ?? "not stated (the data holder's)", false,
            $"{imported.Units.Length} boundaries ({LevelNames(imported)}) from {provenance.FileName}, read as {file.Crs.Name} and stored as WGS84; code field {o.CodeField}, name field {o.NameField}; parents {(o.ParentField is { } pf ? "from field " + pf : "from the code prefix")}"));
        return (updated, orphans.Count);
    }

    /// <summary>The imported levels, in level order (<c>township, village</c>).</summary>
    public static string LevelNames(UnitBoundaryImporter.Result imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        return string.Join(", ", imported.Units.Select(u => u.Level).Distinct().Order().Select(DomainNames.Of));
    }
}
