using System.CommandLine;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Import.Boundaries;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner import units &lt;region&gt; --from boundaries.shp|.gpkg|.geojson --code-field F --name-field F ...</c>: real
/// township/village/grid boundaries. The imported levels replace the region's units of those levels; any error
/// (a feature without code, name, level or polygon) stores nothing.
/// </summary>
internal sealed class ImportUnitBoundaries
{
    public Option<FileInfo?> From { get; } = new("--from") { Description = "Boundary file: .shp (with .dbf, .prj, .cpg), .gpkg or .geojson." };

    public Option<string?> Layer { get; } = new("--layer") { Description = "GeoPackage feature table (default: the first)." };

    public Option<string?> CodeField { get; } = new("--code-field") { Description = "Field with the unit code (12-digit statistical code or the region's own)." };

    public Option<string?> NameField { get; } = new("--name-field") { Description = "Field with the unit name." };

    public Option<string?> Level { get; } = new("--level") { Description = "Level of every feature: township, village or grid." };

    public Option<string?> LevelField { get; } = new("--level-field") { Description = "Field with each feature's level (乡镇/街道, 村/社区, 网格 or township/village/grid)." };

    public Option<string?> ParentField { get; } = new("--parent-field") { Description = "Field with the parent code (default: derived from the code prefix)." };

    public Option<string?> Crs { get; } = new("--crs") { Description = "CRS of the file (default: the .prj or GeoPackage srs; GeoJSON: wgs84)." };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Attribute text encoding of a .dbf: utf-8, gbk or gb18030 (default: the .cpg)." };

    public Option<string?> Licence { get; } = new("--licence") { Description = "Licence or terms of the boundary data, for region.json." };

    public IEnumerable<Option> All => [From, Layer, CodeField, NameField, Level, LevelField, ParentField, Crs, Encoding, Licence];

    public IEnumerable<string> Run(ParseResult parse, string folder, FileInfo file)
    {
        var problems = new List<string>();
        SourceCrs? crs = null;
        if (parse.GetValue(Crs) is { } crsText && !SourceCrs.TryParse(crsText, out crs, out var crsError))
        {
            problems.Add(ImportException.Line(string.Empty, string.Empty, "--crs", crsError!));
        }

        AdminLevel? level = null;
        if (parse.GetValue(Level) is { } levelText && (!DomainNames.TryParseAdminLevel(levelText, out level) || level == AdminLevel.County))
        {
            problems.Add(ImportException.Line(string.Empty, string.Empty, "--level", $"'{levelText}' is not township, village or grid"));
        }

        if (parse.GetValue(Level) is not null && parse.GetValue(LevelField) is not null)
        {
            problems.Add(ImportException.Line(string.Empty, string.Empty, "--level/--level-field", "give one of them"));
        }

        foreach (var (option, name) in new[] { (CodeField, "--code-field"), (NameField, "--name-field") })
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(option)))
            {
                problems.Add(ImportException.Line(string.Empty, string.Empty, name, "is required with --from"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ImportException(problems);
        }

        var region = RegionEditing.Load(folder);
        var boundaries = BoundaryFileReader.Read(file.FullName, crs, parse.GetValue(Encoding), parse.GetValue(Layer));
        var result = UnitBoundaryImporter.Read(boundaries, region, new UnitBoundaryImporter.Options(
            parse.GetValue(CodeField)!, parse.GetValue(NameField)!, level, parse.GetValue(LevelField), parse.GetValue(ParentField)));
        if (!result.Errors.IsEmpty)
        {
            throw new ImportException(result.Errors.Append($"nothing stored: {result.Errors.Length} features refused"));
        }

        var levels = result.Units.Select(u => u.Level).ToHashSet();
        var units = region.Units.Where(u => !levels.Contains(u.Level)).Concat(result.Units).OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var updated = region with { Units = [.. units] };
        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);

        // Demand whose unit is gone is placed again in the new units (the rest keeps its unit).
        var orphans = updated.Demand.Where(d => d.UnitCode is null || !codes.Contains(d.UnitCode)).Select(d => new PopulationPoint(d.Id, d.Location, d.Counts)).ToList();
        if (orphans.Count > 0)
        {
            var placed = DemandAssembler.Assemble(updated, orphans).ToDictionary(d => d.Id, StringComparer.Ordinal);
            updated = updated with { Demand = [.. updated.Demand.Select(d => placed.TryGetValue(d.Id, out var p) ? d with { UnitCode = p.UnitCode } : d)] };
        }

        var levelNames = string.Join(", ", levels.Order().Select(DomainNames.Of));
        updated = updated.WithSource(new DataSource("units", file.Name, parse.GetValue(Licence) ?? "not stated (the data holder's)", false,
            $"{result.Units.Length} boundaries ({levelNames}) from {file.Name}, read as {boundaries.Crs.Name} and stored as WGS84; code field {parse.GetValue(CodeField)}, name field {parse.GetValue(NameField)}; parents {(parse.GetValue(ParentField) is { } pf ? "from field " + pf : "from the code prefix")}"));
        RegionEditing.Save(updated, folder);
        return result.Notes.Select(n => "note: " + n)
            .Concat(result.Warnings.Select(w => "warning: " + w))
            .Append($"{folder}: {result.Units.Length} units from {file.Name} replace the {levelNames} units; {orphans.Count} demand points placed in the new units")
            .Append(ImportUnitsCommand.Summary(folder, updated));
    }
}
