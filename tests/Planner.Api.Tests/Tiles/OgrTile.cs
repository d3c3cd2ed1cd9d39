using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Planner.Api.Tests.Tiles;

/// <summary>A feature of a vector tile as GDAL's MVT driver reads it: layer, attributes, geometry in EPSG:3857 metres.</summary>
internal sealed record OgrFeature(string Layer, IReadOnlyDictionary<string, string> Attributes, Geometry Geometry);

/// <summary>
/// Reads a Mapbox vector tile with <c>ogrinfo</c> (GDAL's MVT driver, a second implementation of the format):
/// the tile is written as <c>z/x/y.mvt</c>, from which the driver georeferences it, and read with
/// <c>CLIP=NO</c> so that the buffer's features are seen as sent.
/// </summary>
internal static class OgrTile
{
    public static IReadOnlyList<OgrFeature> Read(byte[] tile, int z, int x, int y)
    {
        var folder = Path.Combine(Path.GetTempPath(), "planner-mvt-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, z.ToString(CultureInfo.InvariantCulture), x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture) + ".mvt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, tile);
        try
        {
            return Parse(Run("ogrinfo", "-ro", "-al", "-q", "-oo", "CLIP=NO", file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<OgrFeature> Parse(string text)
    {
        var features = new List<OgrFeature>();
        var reader = new WKTReader();
        string? layer = null;
        Dictionary<string, string>? attributes = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("OGRFeature(", StringComparison.Ordinal))
            {
                layer = line["OGRFeature(".Length..line.IndexOf(')', StringComparison.Ordinal)];
                attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (attributes is not null && line.StartsWith("  ", StringComparison.Ordinal))
            {
                var trimmed = line.Trim();
                int eq = trimmed.IndexOf(") = ", StringComparison.Ordinal);
                if (eq > 0 && trimmed.IndexOf(' ', StringComparison.Ordinal) < eq)
                {
                    attributes[trimmed[..trimmed.IndexOf(' ', StringComparison.Ordinal)]] = trimmed[(eq + 4)..];
                }
                else if (char.IsUpper(trimmed[0]))
                {
                    features.Add(new OgrFeature(layer!, attributes, reader.Read(trimmed)));
                    attributes = null;
                }
            }
        }

        return features;
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["LANG"] = "C.UTF-8";
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {p.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
