using System.Buffers.Binary;
using Planner.Core.Import;
using Planner.Core.Import.Boundaries;

namespace Planner.Core.Tests.Import;

/// <summary>
/// The structural check of .shp files (ESRI Shapefile Technical Description) that stands before the Shapefile
/// library: a file GDAL wrote passes; counts that do not fit their record are refused, naming record and field.
/// </summary>
public sealed class ShapefileStructureTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    // The fixture was written by GDAL's ogr2ogr (an independent writer) from the tiny region's units.geojson.
    [Fact]
    public void FileWrittenByOgr2ogr_IsSound_AndStillReads()
    {
        var shp = Fixture(Path.Combine("shapefile", "tiny-units.shp"));
        Assert.Null(ShapefileStructure.Problem(File.ReadAllBytes(shp)));
        var read = BoundaryFileReader.Read(shp, null, null, null);
        Assert.NotEmpty(read.Features);
        Assert.All(read.Features, f => Assert.NotNull(f.Geometry));
    }

    // AFL, shapefile target, hang id:000000 (issue 16): a 645-byte .shp whose polygon declares about 1.9 billion
    // points. The Shapefile library allocated 22 GB for it until the kernel killed the process.
    [Fact]
    public void PolygonDeclaringBillionsOfPoints_IsRefusedBeforeTheLibraryAllocates()
    {
        var path = Fixture(Path.Combine("fuzz", "huge-point-count.shp"));
        var ex = Assert.Throws<ImportException>(() => BoundaryFileReader.Read(path, null, null, null));
        var message = string.Join(" ", ex.Problems);
        Assert.Contains("record 1", message, StringComparison.Ordinal);
        Assert.Contains("NumPoints", message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordLongerThanTheFile_IsRefusedNamingTheRecord()
    {
        var bytes = File.ReadAllBytes(Fixture(Path.Combine("shapefile", "tiny-units.shp")));
        var secondRecord = SecondRecordOffset(bytes);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(secondRecord + 4), 1_000_000);
        Assert.Equal("record 2: content length 2000000 bytes runs past the end of the file", ShapefileStructure.Problem(bytes));
    }

    [Fact]
    public void MorePartsThanPoints_IsRefused()
    {
        var bytes = File.ReadAllBytes(Fixture(Path.Combine("shapefile", "tiny-units.shp")));
        int numParts = 100 + 8 + 36; // first record: file header, record header, type and bounding box
        int points = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(numParts + 4));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(numParts), points + 1);
        var problem = ShapefileStructure.Problem(bytes);
        Assert.NotNull(problem);
        Assert.StartsWith("record 1: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAShapefile_IsRefusedByItsFileCode()
    {
        var bytes = new byte[120];
        Assert.Equal("the header's file code is not 9994: not a Shapefile", ShapefileStructure.Problem(bytes));
        Assert.StartsWith("the file has 10 bytes", ShapefileStructure.Problem(new byte[10]), StringComparison.Ordinal);
    }

    private static int SecondRecordOffset(byte[] shp) => 100 + 8 + (2 * BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan(104)));

    // The 10-minute shapefile run, crashes 0 and 9: a polygon whose first part starts at point -402,653,184; the
    // library sized the part as the difference of two starts (OutOfMemoryException).
    [Fact]
    public void PartIndexOutsideThePoints_IsRefusedNamingThePart()
    {
        var problem = ShapefileStructure.Problem(File.ReadAllBytes(Fixture(Path.Combine("fuzz", "negative-part-index.shp"))));
        Assert.NotNull(problem);
        Assert.StartsWith("record 3: Parts[0] = ", problem, StringComparison.Ordinal);
    }

    // The same run's crashes 6-8 and 10-12: garbage in a .dbf numeric field made the library's double.Parse throw
    // FormatException, not the documented ImportException.
    [Fact]
    public void GarbageInANumericDbfField_IsAnImportExceptionNamingTheDbf()
    {
        var folder = Directory.CreateTempSubdirectory("planner-shp-").FullName;
        try
        {
            foreach (var member in new[] { ".shp", ".shx", ".prj", ".cpg" })
            {
                File.Copy(Fixture(Path.Combine("shapefile", "tiny-units" + member)), Path.Combine(folder, "units" + member));
            }

            File.Copy(Fixture(Path.Combine("fuzz", "garbage-number.dbf")), Path.Combine(folder, "units.dbf"));
            var ex = Assert.Throws<ImportException>(() => BoundaryFileReader.Read(Path.Combine(folder, "units.shp"), null, null, null));
            Assert.Contains("units.dbf", ex.Problems[0], StringComparison.Ordinal);
            Assert.Contains("not a number", ex.Problems[0], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
