using System.Buffers.Binary;

namespace Planner.Reports.Writers;

/// <summary>
/// Takes one font out of a TrueType collection (.ttc) as a standalone .ttf: PDFsharp embeds single fonts only,
/// and Debian ships its CJK fonts as collections. Tables are copied as they are, so their checksums still hold.
/// Layout: OpenType spec, "TTC header" and "table directory".
/// </summary>
internal static class TrueTypeCollection
{
    /// <summary>The font at <paramref name="index"/> of a collection, or the bytes unchanged when they are not one.</summary>
    public static byte[] Extract(byte[] file, int index = 0)
    {
        ReadOnlySpan<byte> f = file;
        if (f.Length < 12 || !f[..4].SequenceEqual("ttcf"u8))
        {
            return file;
        }

        uint fonts = BinaryPrimitives.ReadUInt32BigEndian(f[8..]);
        if (index < 0 || index >= fonts)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"the collection holds {fonts} fonts");
        }

        int dir = (int)BinaryPrimitives.ReadUInt32BigEndian(f[(12 + (4 * index))..]);
        int tables = BinaryPrimitives.ReadUInt16BigEndian(f[(dir + 4)..]);
        int headerLength = 12 + (16 * tables);
        long total = headerLength;
        for (int t = 0; t < tables; t++)
        {
            total += (BinaryPrimitives.ReadUInt32BigEndian(f[(dir + 12 + (16 * t) + 12)..]) + 3) & ~3u;
        }

        var output = new byte[total];
        f.Slice(dir, headerLength).CopyTo(output);
        int at = headerLength;
        for (int t = 0; t < tables; t++)
        {
            int record = 12 + (16 * t);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(f[(dir + record + 8)..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(f[(dir + record + 12)..]);
            f.Slice(offset, length).CopyTo(output.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(record + 8), (uint)at);
            at += (length + 3) & ~3;
        }

        return output;
    }
}
