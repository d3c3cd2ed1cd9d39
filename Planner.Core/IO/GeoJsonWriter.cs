using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Planner.Core.IO;

/// <summary>
/// Writes GeoJSON FeatureCollections one feature per line, coordinates rounded to 7 decimals (about 1 cm),
/// properties in the order given and Chinese left readable: the output is stable, diffs well in git and
/// opens in QGIS.
/// </summary>
public static class GeoJsonWriter
{
    private static readonly JsonSerializerOptions PropertyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes features (geometry + ordered properties) to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<(Geometry Geometry, IEnumerable<KeyValuePair<string, object?>> Properties)> features)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(writer, features);
    }

    /// <summary>Writes features to a text writer.</summary>
    public static void Write(TextWriter writer, IEnumerable<(Geometry Geometry, IEnumerable<KeyValuePair<string, object?>> Properties)> features)
    {
        writer.Write("{\"type\":\"FeatureCollection\",\"features\":[");
        bool first = true;
        foreach (var (geometry, properties) in features)
        {
            writer.Write(first ? "\n" : ",\n");
            first = false;
            writer.Write("{\"type\":\"Feature\",\"properties\":{");
            bool firstProp = true;
            foreach (var (key, value) in properties)
            {
                if (value is null)
                {
                    continue;
                }

                writer.Write(firstProp ? string.Empty : ",");
                firstProp = false;
                writer.Write(JsonSerializer.Serialize(key, PropertyOptions));
                writer.Write(':');
                writer.Write(value switch
                {
                    double d => Number(d),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    _ => JsonSerializer.Serialize(value, PropertyOptions),
                });
            }

            writer.Write("},\"geometry\":");
            WriteGeometry(writer, geometry);
            writer.Write('}');
        }

        writer.Write("\n]}\n");
    }

    /// <summary>A number in shortest invariant form with at most 7 decimals.</summary>
    public static string Number(double d) => Math.Round(d, 7).ToString("0.#######", CultureInfo.InvariantCulture);

    private static void WriteGeometry(TextWriter w, Geometry g)
    {
        switch (g)
        {
            case Point p:
                w.Write("{\"type\":\"Point\",\"coordinates\":");
                Position(w, p.Coordinate);
                break;
            case LineString l:
                w.Write("{\"type\":\"LineString\",\"coordinates\":");
                Positions(w, l.Coordinates);
                break;
            case Polygon poly:
                w.Write("{\"type\":\"Polygon\",\"coordinates\":");
                Rings(w, poly);
                break;
            case MultiPolygon mp:
                w.Write("{\"type\":\"MultiPolygon\",\"coordinates\":[");
                for (int i = 0; i < mp.NumGeometries; i++)
                {
                    w.Write(i > 0 ? "," : string.Empty);
                    Rings(w, (Polygon)mp.GetGeometryN(i));
                }

                w.Write(']');
                break;
            case MultiLineString ml:
                w.Write("{\"type\":\"MultiLineString\",\"coordinates\":[");
                for (int i = 0; i < ml.NumGeometries; i++)
                {
                    w.Write(i > 0 ? "," : string.Empty);
                    Positions(w, ml.GetGeometryN(i).Coordinates);
                }

                w.Write(']');
                break;
            default:
                throw new NotSupportedException($"GeoJsonWriter does not write {g.GeometryType} geometries.");
        }

        w.Write('}');
    }

    private static void Rings(TextWriter w, Polygon poly)
    {
        w.Write('[');
        Positions(w, poly.ExteriorRing.Coordinates);
        foreach (var hole in poly.InteriorRings)
        {
            w.Write(',');
            Positions(w, hole.Coordinates);
        }

        w.Write(']');
    }

    private static void Positions(TextWriter w, Coordinate[] cs)
    {
        w.Write('[');
        for (int i = 0; i < cs.Length; i++)
        {
            w.Write(i > 0 ? "," : string.Empty);
            Position(w, cs[i]);
        }

        w.Write(']');
    }

    private static void Position(TextWriter w, Coordinate c)
    {
        w.Write('[');
        w.Write(Number(c.X));
        w.Write(',');
        w.Write(Number(c.Y));
        w.Write(']');
    }
}
