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

    public Option<string?> Clip { get; } = ClipOption.Create("Cut the boundaries to the region's boundary (alone) or to the polygons of a file (--clip F), so that a prefecture-wide file can be used; units with no area inside are left out.");

    public IEnumerable<Option> All => [From, Layer, CodeField, NameField, Level, LevelField, ParentField, Crs, Encoding, Licence, Clip];

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
        var options = new UnitBoundaryImporter.Options(parse.GetValue(CodeField)!, parse.GetValue(NameField)!, level, parse.GetValue(LevelField), parse.GetValue(ParentField));
        var result = UnitBoundaryImporter.Read(boundaries, region, options);
        if (!result.Errors.IsEmpty)
        {
            throw new ImportException(result.Errors.Append($"nothing stored: {result.Errors.Length} features refused"));
        }

        var clipNote = new List<string>();
        if (ClipOption.For(parse, Clip, region) is { } clip)
        {
            var read = result.Units.Length;
            result = result with { Units = clip.Units(result.Units) };
            clipNote.Add($"note: cut to {clip.Description} (--clip): {result.Units.Length} of {read} units have area inside");
            if (result.Units.IsEmpty)
            {
                throw new ImportException(ImportException.Line(file.FullName, string.Empty, "--clip", $"no unit has area inside {clip.Description}"));
            }
        }

        var (updated, placed) = UnitReplacement.Replace(region, result, boundaries, new UnitReplacement.Provenance(file.Name, parse.GetValue(Licence), options));
        var levelNames = UnitReplacement.LevelNames(result);
        RegionEditing.Save(updated, folder);
        return result.Notes.Select(n => "note: " + n).Concat(clipNote)
            .Concat(result.Warnings.Select(w => "warning: " + w))
            .Append($"{folder}: {result.Units.Length} units from {file.Name} replace the {levelNames} units; {placed} demand points placed in the new units")
            .Append(ImportUnitsCommand.Summary(folder, updated));
    }
}
