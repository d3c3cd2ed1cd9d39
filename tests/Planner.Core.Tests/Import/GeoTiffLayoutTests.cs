using BitMiracle.LibTiff.Classic;
using Planner.Core.Import;
using Xunit;

namespace Planner.Core.Tests.Import;

/// <summary>The GeoTIFF reader on strip and tile layouts written here with known cells.</summary>
public sealed class GeoTiffLayoutTests
{
    private const int Width = 21, Height = 19;
    private const double West = 117.2, North = 28.3, Cell = 0.001;

    private static readonly Tiff.TiffExtendProc? ParentExtender = Tiff.SetTagExtender(RegisterGeoTiffTags);

    // LibTiff.NET writes unknown tags only once they are registered; GDAL registers them the same way.
    private static void RegisterGeoTiffTags(Tiff tiff)
    {
        TiffFieldInfo[] fields =
        [
            new(TiffTag.GEOTIFF_MODELPIXELSCALETAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "ModelPixelScale"),
            new(TiffTag.GEOTIFF_MODELTIEPOINTTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "ModelTiepoint"),
        ];
        tiff.MergeFieldInfo(fields, fields.Length);
        ParentExtender?.Invoke(tiff);
    }

    private static float Value(int row, int col) => (row * Width + col) % 7 == 0 ? 0 : row * 100 + col + 0.5f;

    private static string Write(bool tiled)
    {
        GC.KeepAlive(ParentExtender);
        var path = Path.Combine(ImportFixtures.TempFolder(), tiled ? "tiled.tif" : "stripped.tif");
        using (var tiff = Tiff.Open(path, "w"))
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, Width);
            tiff.SetField(TiffTag.IMAGELENGTH, Height);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 32);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.SAMPLEFORMAT, SampleFormat.IEEEFP);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
            tiff.SetField(TiffTag.COMPRESSION, Compression.DEFLATE);
            tiff.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, 3, new[] { Cell, Cell, 0.0 });
            tiff.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, 6, new[] { 0.0, 0.0, 0.0, West, North, 0.0 });
            if (tiled)
            {
                const int tile = 16;
                tiff.SetField(TiffTag.TILEWIDTH, tile);
                tiff.SetField(TiffTag.TILELENGTH, tile);
                for (int y = 0; y < Height; y += tile)
                {
                    for (int x = 0; x < Width; x += tile)
                    {
                        var buffer = new float[tile * tile];
                        for (int r = 0; r < tile && y + r < Height; r++)
                        {
                            for (int c = 0; c < tile && x + c < Width; c++)
                            {
                                buffer[r * tile + c] = Value(y + r, x + c);
                            }
                        }

                        var bytes = new byte[buffer.Length * 4];
                        Buffer.BlockCopy(buffer, 0, bytes, 0, bytes.Length);
                        tiff.WriteTile(bytes, x, y, 0, 0);
                    }
                }
            }
            else
            {
                tiff.SetField(TiffTag.ROWSPERSTRIP, 4);
                for (int row = 0; row < Height; row++)
                {
                    var line = Enumerable.Range(0, Width).Select(c => Value(row, c)).ToArray();
                    var bytes = new byte[Width * 4];
                    Buffer.BlockCopy(line, 0, bytes, 0, bytes.Length);
                    tiff.WriteScanline(bytes, row);
                }
            }
        }

        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_KnownCells_EveryPositiveCellAtItsCentre(bool tiled)
    {
        var expected = new List<(double Lon, double Lat, double Value)>();
        for (int row = 0; row < Height; row++)
        {
            for (int col = 0; col < Width; col++)
            {
                if (Value(row, col) > 0)
                {
                    expected.Add((West + (col + 0.5) * Cell, North - (row + 0.5) * Cell, Value(row, col)));
                }
            }
        }

        var points = GeoTiffPopulationReader.Read(Write(tiled));

        Assert.Equal(expected.Count, points.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Lon, points[i].Location.Lon, 1e-9);
            Assert.Equal(expected[i].Lat, points[i].Location.Lat, 1e-9);
            Assert.Equal(expected[i].Value, points[i].Counts[0], 1e-6);
        }
    }

    [Fact]
    public void Read_NotATiff_ThrowsNamingTheFile()
    {
        var path = Path.Combine(ImportFixtures.TempFolder(), "not.tif");
        File.WriteAllText(path, "hello");

        var ex = Assert.Throws<ImportException>(() => GeoTiffPopulationReader.Read(path));

        Assert.StartsWith(path, Assert.Single(ex.Problems), StringComparison.Ordinal);
    }
}
