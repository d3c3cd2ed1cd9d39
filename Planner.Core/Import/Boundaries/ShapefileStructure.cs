using System.Buffers.Binary;

namespace Planner.Core.Import.Boundaries;

/// <summary>
/// A structural check of a <c>.shp</c> file against the ESRI Shapefile Technical Description (1998) before the
/// Shapefile library reads it: every record header and every part and point count must fit in its record and
/// the file.
/// </summary>
/// <remarks>
/// The library sizes its arrays from the counts a record declares. A 645-byte file whose polygon declared
/// 1.9 billion points (found by fuzzing, tests/fuzz shapefile target) made it allocate 22 GB before anything
/// failed. Checking each count against the record's own length costs one pass over the headers and turns such a
/// file into a refusal naming the record and the field.
/// </remarks>
public static class ShapefileStructure
{
    private const int HeaderBytes = 100;
    private const int FileCode = 9994;

    /// <summary>Null when <paramref name="shp"/> is structurally sound; else the first problem, naming the record and field.</summary>
    public static string? Problem(ReadOnlySpan<byte> shp)
    {
        if (shp.Length < HeaderBytes)
        {
            return $"the file has {shp.Length} bytes, less than the 100-byte Shapefile header";
        }

        if (BinaryPrimitives.ReadInt32BigEndian(shp) != FileCode)
        {
            return "the header's file code is not 9994: not a Shapefile";
        }

        long declared = 2L * BinaryPrimitives.ReadInt32BigEndian(shp[24..]);
        if (declared < HeaderBytes || declared > shp.Length)
        {
            return $"the header's file length ({declared} bytes) does not match the file ({shp.Length} bytes)";
        }

        int at = HeaderBytes, record = 0;
        while (at + 8 <= declared)
        {
            record++;
            long content = 2L * BinaryPrimitives.ReadInt32BigEndian(shp[(at + 4)..]);
            if (content < 4 || at + 8 + content > declared)
            {
                return $"record {record}: content length {content} bytes runs past the end of the file";
            }

            var body = shp.Slice(at + 8, (int)content);
            if (RecordProblem(body) is { } problem)
            {
                return $"record {record}: {problem}";
            }

            at += 8 + (int)content;
        }

        return null;
    }

    /// <summary>The problem of one record's content (shape type and counts), or null.</summary>
    private static string? RecordProblem(ReadOnlySpan<byte> body)
    {
        int type = BinaryPrimitives.ReadInt32LittleEndian(body);
        switch (type)
        {
            case 0: // null shape
                return null;
            case 1 or 11 or 21: // point, PointZ, PointM
                return body.Length < 20 ? "a point record shorter than its coordinates" : null;
            case 3 or 5 or 13 or 15 or 23 or 25 or 31: // polyline, polygon (Z, M), multipatch
                return CountsProblem(body, hasParts: true, multipatch: type == 31);
            case 8 or 18 or 28: // multipoint (Z, M)
                return CountsProblem(body, hasParts: false, multipatch: false);
            default:
                return $"shape type {type} is not one the Shapefile specification defines";
        }
    }

    /// <summary>Checks that the declared part and point counts fit in the record (X/Y only; Z and M follow them).</summary>
    private static string? CountsProblem(ReadOnlySpan<byte> body, bool hasParts, bool multipatch)
    {
        // Type (4) + bounding box (32), then NumParts (4) and NumPoints (4), or NumPoints alone for a multipoint.
        int countsAt = 36;
        if (body.Length < countsAt + (hasParts ? 8 : 4))
        {
            return "the record ends before its part and point counts";
        }

        long parts = hasParts ? BinaryPrimitives.ReadInt32LittleEndian(body[countsAt..]) : 0;
        long points = BinaryPrimitives.ReadInt32LittleEndian(body[(countsAt + (hasParts ? 4 : 0))..]);
        if (parts < 0 || points < 0)
        {
            return $"negative count (NumParts {parts}, NumPoints {points})";
        }

        long needed = countsAt + (hasParts ? 8 : 4) + (4 * parts) + (multipatch ? 4 * parts : 0) + (16 * points);
        if (needed > body.Length)
        {
            return $"NumParts {parts} and NumPoints {points} need {needed} bytes, the record has {body.Length}";
        }

        if (hasParts && parts > points)
        {
            return $"NumParts {parts} is more than NumPoints {points}";
        }

        // Each part starts at a point index: the first at 0, the others rising, all below NumPoints. The library
        // sizes a part as the next start minus this one, so one bad index is a part of billions of points.
        long previous = -1;
        for (int part = 0; part < parts; part++)
        {
            long start = BinaryPrimitives.ReadInt32LittleEndian(body[(countsAt + 8 + (4 * part))..]);
            if ((part == 0 && start != 0) || start <= previous || start >= points)
            {
                return $"Parts[{part}] = {start} is not a rising point index below NumPoints {points}";
            }

            previous = start;
        }

        return null;
    }
}
