using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Import.Boundaries;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Replaces one layer of a region from one file, through the importers the CLI uses: <c>stations</c> from a
/// station table (.xlsx, .csv; <see cref="StationTableImporter"/>), <c>units</c> from a boundary file (.geojson,
/// .gpkg, .shp or a zipped Shapefile; <see cref="BoundaryFileReader"/>, <see cref="UnitBoundaryImporter"/>,
/// <see cref="UnitReplacement"/>), <c>demand</c> from a population table per unit (.xlsx, .csv;
/// <see cref="PopulationTableImporter"/>, adding or replacing the table's groups only). All or nothing: any refused row or feature, or a file that cannot be read,
/// gives no region, only the problems, each naming the file, the row or feature, the field and the reason.
/// Option text comes from a remote caller, so nothing in it is read as a path.
/// </summary>
public static class LayerUpload
{
    /// <summary>The layers a file can replace.</summary>
    public static readonly ImmutableArray<string> Layers = ["stations", "units", "demand"];

    /// <summary>How to read the file; every member is optional and named as the API's query parameter.</summary>
    /// <param name="Crs">CRS of the coordinates: wgs84, cgcs2000, gcj02, bd09 or EPSG:n (default: the file's own, else WGS84).</param>
    /// <param name="Columns">Column mapping <c>field=header,...</c>: station fields, or code/name and one group=header per population group.</param>
    /// <param name="Encoding">Text encoding of a CSV or .dbf: utf-8, gbk, gb18030.</param>
    /// <param name="Sheet">Sheet of an .xlsx.</param>
    /// <param name="Table">Feature table of a GeoPackage.</param>
    /// <param name="CodeField">Boundary field with the unit code (required for units).</param>
    /// <param name="NameField">Boundary field with the unit name (required for units).</param>
    /// <param name="Level">Level of every boundary: township, village or grid.</param>
    /// <param name="LevelField">Boundary field with each feature's level.</param>
    /// <param name="ParentField">Boundary field with the parent code (default: the code prefix).</param>
    /// <param name="Licence">Licence or terms of the data, for the region's sources.</param>
    /// <param name="By">How population rows join units: code (default) or name.</param>
    public sealed record Options(
        string? Crs = null, string? Columns = null, string? Encoding = null, string? Sheet = null, string? Table = null,
        string? CodeField = null, string? NameField = null, string? Level = null, string? LevelField = null, string? ParentField = null,
        string? Licence = null, string? By = null);

    /// <summary>The new region, or the problems that refused the file (then <see cref="Region"/> is null).</summary>
    /// <param name="Region">The region with the layer replaced; null when anything was refused.</param>
    /// <param name="Problems">Each refused row or feature, or the file or option at fault.</param>
    /// <param name="Notes">How the file was read, and check warnings that did not refuse it.</param>
    /// <param name="Count">Stations or units read, or population rows joined.</param>
    public sealed record Result(Region? Region, ImmutableArray<RowProblem> Problems, ImmutableArray<string> Notes, int Count);

    /// <summary>
    /// Reads <paramref name="path"/> (whose extension says its format) as layer <paramref name="layer"/> of
    /// <paramref name="region"/>; problems name the file as <paramref name="fileName"/> (the caller's name for it).
    /// </summary>
    public static Result Apply(Region region, string layer, string path, string fileName, Options options)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        SourceCrs? crs = null;
        if (options.Crs is { Length: > 0 } text && !SourceCrs.TryParse(text, out crs, out var crsError))
        {
            return Refused(new RowProblem(fileName, string.Empty, "crs", crsError!));
        }

        try
        {
            return layer switch
            {
                "stations" => Stations(region, path, options, crs ?? SourceCrs.Wgs84),
                "units" => Units(region, path, fileName, options, crs),
                "demand" => Demand(region, path, fileName, options),
                _ => Refused(new RowProblem(fileName, string.Empty, "layer", $"'{layer}' cannot be uploaded: give one of {string.Join(", ", Layers)}")),
            };
        }
        catch (ImportException ex)
        {
            // File-level problems (unreadable, wrong format, bad mapping): the line names the scratch path, the caller knows the file by its own name.
            return Refused([.. ex.Problems.Select(p => new RowProblem(fileName, string.Empty, "file", p.Replace(path, fileName, StringComparison.Ordinal)))]);
        }
    }

    private static Result Stations(Region region, string path, Options options, SourceCrs crs)
    {
        var table = TableReader.Read(path, options.Encoding, options.Sheet);
        var result = StationTableImporter.Read(region, table, new StationTableImporter.Options(crs, ColumnMapping.ParsePairs(options.Columns), StationLevel.VillagePoint, StationStatus.Operating, 1));
        if (!result.Refused.IsEmpty)
        {
            return Refused(result.Refused);
        }

        if (result.Stations.IsEmpty)
        {
            return Refused(new RowProblem(table.FileName, string.Empty, "file", "no station rows"));
        }

        var updated = StationTableImporter.Replace(region, result, crs, options.Licence, null);
        return new Result(updated, [], [$"{result.Stations.Length} stations from {table.FileName} ({table.Encoding}, {crs.Name})"], result.Stations.Length);
    }

    private static Result Units(Region region, string path, string fileName, Options options, SourceCrs? crs)
    {
        var problems = new List<RowProblem>();
        AdminLevel? level = null;
        if (options.Level is { Length: > 0 } levelText && (!DomainNames.TryParseAdminLevel(levelText, out level) || level == AdminLevel.County))
        {
            problems.Add(new RowProblem(fileName, string.Empty, "level", $"'{levelText}' is not township, village or grid"));
        }

        if (options.Level is { Length: > 0 } && options.LevelField is { Length: > 0 })
        {
            problems.Add(new RowProblem(fileName, string.Empty, "level", "give level or levelField, not both"));
        }

        foreach (var (value, field) in new[] { (options.CodeField, "codeField"), (options.NameField, "nameField") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new RowProblem(fileName, string.Empty, field, "is required for units: the boundary field that holds it"));
            }
        }

        if (problems.Count > 0)
        {
            return Refused([.. problems]);
        }

        var file = BoundaryFileReader.Read(path, crs, options.Encoding, options.Table);
        file = file with { Path = Path.Combine(Path.GetDirectoryName(file.Path) ?? string.Empty, fileName) };
        var unitOptions = new UnitBoundaryImporter.Options(options.CodeField!, options.NameField!, level, Empty(options.LevelField), Empty(options.ParentField));
        var result = UnitBoundaryImporter.Read(file, region, unitOptions);
        if (!result.Refused.IsEmpty)
        {
            return Refused(result.Refused);
        }

        if (result.Units.IsEmpty)
        {
            return Refused(new RowProblem(fileName, string.Empty, "file", "no boundary features"));
        }

        var (updated, placed) = UnitReplacement.Replace(region, result, file, new UnitReplacement.Provenance(fileName, options.Licence, unitOptions));
        return new Result(updated, [], [.. result.Notes, .. result.Warnings.Select(w => "warning: " + w),
            $"{result.Units.Length} units ({UnitReplacement.LevelNames(result)}) from {fileName}; {placed} demand points placed in the new units"], result.Units.Length);
    }

    private static Result Demand(Region region, string path, string fileName, Options options)
    {
        PopulationJoin by;
        switch (options.By?.Trim().ToLowerInvariant())
        {
            case null or "" or "code":
                by = PopulationJoin.Code;
                break;
            case "name":
                by = PopulationJoin.Name;
                break;
            default:
                return Refused(new RowProblem(fileName, string.Empty, "by", $"'{options.By}' is not code or name"));
        }

        if (region.Units.All(u => u.Level == AdminLevel.County))
        {
            return Refused(new RowProblem(fileName, string.Empty, "file", "the region has no township, village or grid units to join the rows to: upload the units first"));
        }

        var table = TableReader.Read(path, options.Encoding, options.Sheet);
        var result = PopulationTableImporter.Read(region, table, by, ColumnMapping.Parse(options.Columns));
        if (!result.Refused.IsEmpty)
        {
            return Refused(result.Refused);
        }

        if (result.Joined == 0)
        {
            return Refused(new RowProblem(fileName, string.Empty, "file", "no population rows"));
        }

        var note = PopulationTableImporter.SourceNote(result, fileName, by);
        var updated = result.Region.WithSource(new DataSource("demand", fileName, options.Licence ?? "not stated (the data holder's)", true, note));
        var totals = updated.PopulationByGroup();
        var sums = string.Join(", ", result.Groups.Select(g => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g} {totals[updated.Groups.IndexOf(g)]:0.###}")));
        return new Result(updated, [], [$"{result.Joined} units joined from {table.FileName} ({table.Encoding}); {sums}", .. result.UnitsWithoutRow.Select(u => $"warning: no row for unit {u}")], result.Joined);
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static Result Refused(params ImmutableArray<RowProblem> problems) => new(null, problems, [], 0);
}
