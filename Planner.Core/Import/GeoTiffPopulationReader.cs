using System.Globalization;
using System.Text;
using BitMiracle.LibTiff.Classic;
using Planner.Core.Geo;

namespace Planner.Core.Import;

/// <summary>
/// Reads a single-band Float32 population GeoTIFF in WGS84 degrees (e.g. WorldPop) with LibTiff.NET: the
/// grid from ModelPixelScale (tag 33550) and ModelTiepoint (33922), NoData from GDAL_NODATA (42113), strips
/// or tiles, any compression LibTiff reads. Each cell with a positive, finite, non-NoData value becomes a
/// point at the cell centre (PixelIsArea: tie point + (col + ½, row + ½) cells) carrying that value.
/// </summary>
public static class GeoTiffPopulationReader
{
    private const TiffTag ModelPixelScale = (TiffTag)33550;
    private const TiffTag ModelTiepoint = (TiffTag)33922;
    private const TiffTag GdalNoData = (TiffTag)42113;

    /// <summary>The populated cell centres of the raster at <paramref name="path"/>, row by row from the north-west.</summary>
    /// <exception cref="ImportException">The file is not a readable single-band Float32 GeoTIFF in degrees.</exception>
    public static List<PopulationPoint> Read(string path)
    {
        try
        {
            return ReadRaster(path);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or IndexOutOfRangeException or ArgumentException or OutOfMemoryException)
        {
            // LibTiff.NET throws these on corrupt tag values while it opens the file (found by fuzzing); the
            // OutOfMemoryException is one array of a tag's declared count (billions), which a file this size cannot hold.
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable TIFF file: {ex.Message}"), ex);
        }
    }

    private static List<PopulationPoint> ReadRaster(string path)
    {
        if (TiffStructure.Problem(path) is { } broken)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable TIFF file: {broken}"));
        }

        var handler = new CollectingHandler();
        Tiff.SetErrorHandler(handler);
        using var tiff = Tiff.Open(path, "r") ?? throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable TIFF file{handler.Errors}"));
        int width = Int(tiff, TiffTag.IMAGEWIDTH, path), height = Int(tiff, TiffTag.IMAGELENGTH, path);
        int bits = Int(tiff, TiffTag.BITSPERSAMPLE, path);
        int format = tiff.GetField(TiffTag.SAMPLEFORMAT) is { } sf ? sf[0].ToInt() : 1;
        int samples = tiff.GetField(TiffTag.SAMPLESPERPIXEL) is { } sp ? sp[0].ToInt() : 1;
        if (bits != 32 || format != (int)SampleFormat.IEEEFP || samples != 1)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, "BitsPerSample/SampleFormat", $"only single-band Float32 rasters are read (found {samples} band(s) of {bits}-bit format {format})"));
        }

        var scale = Doubles(tiff, ModelPixelScale, path, "ModelPixelScale (33550)");
        var tie = Doubles(tiff, ModelTiepoint, path, "ModelTiepoint (33922)");
        if (scale.Length < 2 || tie.Length < 6 || scale[0] <= 0 || scale[1] <= 0)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, "ModelPixelScale/ModelTiepoint", "missing or not positive"));
        }

        double originLon = tie[3] - tie[0] * scale[0], originLat = tie[4] + tie[1] * scale[1];
        if (!new GeoPoint(originLon, originLat).IsInRange)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, "ModelTiepoint", $"({originLon}, {originLat}) is not WGS84 degrees: reproject the raster to EPSG:4326 first"));
        }

        double? noData = NoData(tiff);
        var values = Pixels(tiff, width, height, path, handler);
        var points = new List<PopulationPoint>();
        for (int row = 0; row < height; row++)
        {
            for (int col = 0; col < width; col++)
            {
                float v = values[(row * width) + col];
                if (!float.IsFinite(v) || v <= 0 || (noData is double nd && v == (float)nd))
                {
                    continue;
                }

                var location = new GeoPoint(originLon + ((col + 0.5) * scale[0]), originLat - ((row + 0.5) * scale[1]));
                points.Add(new PopulationPoint(string.Create(CultureInfo.InvariantCulture, $"r{row}c{col}"), location, [v]));
            }
        }

        return points;
    }

    private static float[] Pixels(Tiff tiff, int width, int height, string path, CollectingHandler handler)
    {
        var values = new float[width * height];
        if (tiff.IsTiled())
        {
            int tw = tiff.GetField(TiffTag.TILEWIDTH)[0].ToInt(), th = tiff.GetField(TiffTag.TILELENGTH)[0].ToInt();
            var buffer = new byte[tiff.TileSize()];
            var tile = new float[tw * th];
            for (int y = 0; y < height; y += th)
            {
                for (int x = 0; x < width; x += tw)
                {
                    if (tiff.ReadTile(buffer, 0, x, y, 0, 0) < 0)
                    {
                        throw new ImportException(ImportException.Line(path, $"tile at column {x}, row {y}", string.Empty, $"cannot be read{handler.Errors}"));
                    }

                    Buffer.BlockCopy(buffer, 0, tile, 0, tile.Length * 4);
                    for (int r = 0; r < th && y + r < height; r++)
                    {
                        Array.Copy(tile, r * tw, values, ((y + r) * width) + x, Math.Min(tw, width - x));
                    }
                }
            }
        }
        else
        {
            var line = new byte[tiff.ScanlineSize()];
            for (int row = 0; row < height; row++)
            {
                if (!tiff.ReadScanline(line, row))
                {
                    throw new ImportException(ImportException.Line(path, $"row {row}", string.Empty, $"cannot be read{handler.Errors}"));
                }

                Buffer.BlockCopy(line, 0, values, row * width * 4, width * 4);
            }
        }

        // LibTiff hands samples over in the machine's byte order, which is what BlockCopy into float[] expects.
        return values;
    }

    private static int Int(Tiff tiff, TiffTag tag, string path) =>
        tiff.GetField(tag) is { } v ? v[0].ToInt() : throw new ImportException(ImportException.Line(path, string.Empty, tag.ToString(), "tag is missing"));

    private static double[] Doubles(Tiff tiff, TiffTag tag, string path, string name)
    {
        var field = tiff.GetField(tag) ?? throw new ImportException(ImportException.Line(path, string.Empty, name, "tag is missing: not a GeoTIFF"));
        var bytes = field[1].GetBytes();
        var result = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, result, 0, result.Length * 8);
        return result;
    }

    private static double? NoData(Tiff tiff)
    {
        var field = tiff.GetField(GdalNoData);
        if (field is null || field.Length < 2)
        {
            return null;
        }

        var text = field[1].Value is byte[] b ? Encoding.ASCII.GetString(b) : field[1].ToString();
        text = text?.Trim('\0', ' ');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private sealed class CollectingHandler : TiffErrorHandler
    {
        private readonly System.Text.StringBuilder _errors = new();

        /// <summary>LibTiff's error messages so far, as ": message; message", or empty.</summary>
        public string Errors => _errors.Length == 0 ? string.Empty : ": " + _errors.ToString();

        // LibTiff reports through this handler instead of exceptions; the messages go into the problem line.
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) => Add(format, args);

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        // Unknown private tags (GDAL's) raise warnings; the tags are read explicitly above.
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        private void Add(string format, object[] args)
        {
            _errors.Append(_errors.Length > 0 ? "; " : string.Empty);
            _errors.Append(args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
        }
    }
}
