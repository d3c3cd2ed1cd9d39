using System.Text;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Scenarios;
using Planner.Core.Validation;

namespace Planner.Fuzz;

/// <summary>
/// The region folder reader on a valid folder (the tiny fixture) with one file replaced by the input: the first
/// byte picks region.json, units.geojson, stations.geojson or demand.csv, the rest is the file. The reader promises
/// never to throw on bad data, so every exception is a crash.
/// </summary>
internal sealed class RegionFolderTarget : FuzzTarget
{
    private static readonly string[] Files = [RegionFiles.Info, RegionFiles.Units, RegionFiles.Stations, RegionFiles.Demand];
    private readonly string folder;

    public RegionFolderTarget()
    {
        folder = Path.Combine(Scratch, "region");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "base", "tiny")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public override void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var path = Path.Combine(folder, Files[input[0] % Files.Length]);
        var original = File.ReadAllBytes(path);
        File.WriteAllBytes(path, input[1..]);
        try
        {
            _ = RegionFolderReader.Read(folder);
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }
    }
}

/// <summary>The GeoJSON feature reader; <see cref="InvalidDataException"/> (not a FeatureCollection) is its documented refusal.</summary>
internal sealed class GeoJsonTarget : FuzzTarget
{
    public override void Run(byte[] input)
    {
        var path = Path.Combine(Scratch, "input.geojson");
        File.WriteAllBytes(path, input);
        try
        {
            _ = GeoJsonFeatureReader.Read(path);
        }
        catch (InvalidDataException)
        {
        }
    }
}

/// <summary>The demand CSV reader with the tiny region's groups; bad rows are problems, so every exception is a crash.</summary>
internal sealed class DemandCsvTarget : FuzzTarget
{
    private RegionInfo? info;

    public override void Run(byte[] input)
    {
        // Read on first use, inside the fuzzing loop: instrumented code that runs before SharpFuzz has mapped AFL's
        // shared memory writes through a null pointer (AccessViolationException at start-up).
        info ??= RegionInfoReader.Read(Path.Combine(AppContext.BaseDirectory, "base", "tiny", RegionFiles.Info), [])
            ?? throw new InvalidOperationException("the tiny fixture's region.json does not read");
        var path = Path.Combine(Scratch, RegionFiles.Demand);
        File.WriteAllBytes(path, input);
        _ = DemandCsvReader.Read(path, info, new List<ValidationProblem>());
    }
}

/// <summary>The OSM XML extract reader (OsmSharp underneath); <see cref="InvalidDataException"/> is its documented refusal.</summary>
internal sealed class OsmXmlTarget : FuzzTarget
{
    public override void Run(byte[] input)
    {
        var path = Path.Combine(Scratch, "input.osm");
        File.WriteAllBytes(path, input);
        try
        {
            _ = OsmExtractReader.Read(path);
        }
        catch (InvalidDataException)
        {
        }
    }
}

/// <summary>The GeoTIFF population reader; <see cref="ImportException"/> is its documented refusal.</summary>
internal sealed class GeoTiffTarget : FuzzTarget
{
    public override void Run(byte[] input)
    {
        var path = Path.Combine(Scratch, "input.tif");
        File.WriteAllBytes(path, input);
        try
        {
            _ = GeoTiffPopulationReader.Read(path);
        }
        catch (ImportException)
        {
        }
    }
}

/// <summary>The scenario edits parser; it reports every problem and promises never to throw.</summary>
internal sealed class ScenarioEditsTarget : FuzzTarget
{
    public override void Run(byte[] input) => _ = ScenarioEditJson.Parse(Encoding.UTF8.GetString(input));
}
