using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Import.Boundaries;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Fuzz;

/// <summary>
/// The station table import of a county's own file (issue 12): the table reader (CSV in UTF-8/GB18030, or .xlsx;
/// the first byte picks which) and then the station importer on the tiny fixture with the usual column names.
/// <see cref="ImportException"/> is the documented refusal; refused rows are reported, never thrown.
/// </summary>
internal sealed class StationTableTarget : FuzzTarget
{
    private Region? region;

    public override void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        // Loaded inside the loop, after SharpFuzz has mapped AFL's shared memory (see DemandCsvTarget).
        region ??= RegionEditing.Load(Path.Combine(AppContext.BaseDirectory, "base", "tiny"));
        var path = Path.Combine(Scratch, input[0] % 2 == 0 ? "stations.csv" : "stations.xlsx");
        File.WriteAllBytes(path, input[1..]);
        try
        {
            var table = TableReader.Read(path);
            _ = StationTableImporter.Read(region, table, new StationTableImporter.Options(
                SourceCrs.Wgs84, ColumnMapping.Parse(null), StationLevel.VillagePoint, StationStatus.Operating, 0));
        }
        catch (ImportException)
        {
        }
    }
}

/// <summary>
/// The boundary file reader on a Shapefile (issue 12's <c>import units --from</c>): a valid set (.shp, .shx, .dbf,
/// .prj, .cpg, made by run.sh with ogr2ogr into <c>FUZZ_SHAPEFILE</c>) with one member replaced by the input,
/// the first byte picking which. <see cref="ImportException"/> is the documented refusal.
/// </summary>
internal sealed class ShapefileTarget : FuzzTarget
{
    private static readonly string[] Members = [".shp", ".shx", ".dbf", ".prj", ".cpg"];
    private readonly string folder;

    public ShapefileTarget()
    {
        var source = Environment.GetEnvironmentVariable("FUZZ_SHAPEFILE")
            ?? throw new InvalidOperationException("FUZZ_SHAPEFILE must name the seed units.shp (run.sh sets it)");
        folder = Path.Combine(Scratch, "shp");
        Directory.CreateDirectory(folder);
        foreach (var member in Members)
        {
            var from = Path.ChangeExtension(source, member);
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(folder, "units" + member));
            }
        }
    }

    public override void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var path = Path.Combine(folder, "units" + Members[input[0] % Members.Length]);
        var original = File.Exists(path) ? File.ReadAllBytes(path) : null;
        File.WriteAllBytes(path, input[1..]);
        try
        {
            _ = BoundaryFileReader.Read(Path.Combine(folder, "units.shp"), null, null, null);
        }
        catch (ImportException)
        {
        }
        finally
        {
            if (original is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllBytes(path, original);
            }
        }
    }
}
