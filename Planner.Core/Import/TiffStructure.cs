using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Planner.Core.Import;

/// <summary>
/// A structural check of a TIFF file (TIFF 6.0 and BigTIFF) before LibTiff.NET opens it: every directory lies in
/// the file, and every tag's declared count of values fits in the file.
/// </summary>
/// <remarks>
/// LibTiff sizes its arrays from the counts a tag declares. Fuzzing (tests/fuzz geotiff target) found 455-byte
/// files whose tags declare hundreds of millions of values: LibTiff spent 6 to 20 s allocating and zeroing gigabytes
/// before it failed. A tag whose values would run past the end of the file can never be read, so refusing it
/// first costs one pass over the directories and names the tag. Only the header and the directories are read
/// (population rasters run to gigabytes).
/// </remarks>
public static class TiffStructure
{
    private const int MaxDirectories = 4096;

    /// <summary>Null when the TIFF file at <paramref name="path"/> is structurally sound; else the first problem, naming directory and tag.</summary>
    public static string? Problem(string path)
    {
        using var handle = File.OpenHandle(path);
        return Problem(new FileBytes(handle));
    }

    /// <summary>As <see cref="Problem(string)"/>, on the bytes of a whole file.</summary>
    public static string? Problem(byte[] file) => Problem(new FileBytes(file));

    private static string? Problem(FileBytes tiff)
    {
        if (tiff.Length < 8)
        {
            return $"the file has {tiff.Length} bytes, less than a TIFF header";
        }

        bool little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        {
            return "the file does not start with a TIFF byte-order mark (II or MM)";
        }

        int version = U16(tiff, 2, little);
        bool big = version == 43;
        if (version != 42 && !big)
        {
            return $"TIFF version {version} is neither 42 (TIFF) nor 43 (BigTIFF)";
        }

        if (big && tiff.Length < 16)
        {
            return "the file ends inside its BigTIFF header";
        }

        long offset = big ? (long)U64(tiff, 8, little) : U32(tiff, 4, little);
        int entrySize = big ? 20 : 12, countSize = big ? 8 : 2, inlineBytes = big ? 8 : 4;
        var seen = new HashSet<long>();
        for (int directory = 1; offset != 0; directory++)
        {
            if (directory > MaxDirectories || !seen.Add(offset))
            {
                return $"directory {directory}: the directory chain loops or has more than {MaxDirectories} directories";
            }

            if (offset < 0 || offset + countSize > tiff.Length)
            {
                return $"directory {directory}: offset {offset} lies outside the file ({tiff.Length} bytes)";
            }

            long entries = big ? (long)U64(tiff, offset, little) : U16(tiff, offset, little);
            long entriesAt = offset + countSize;
            if (entries < 0 || entries > tiff.Length / entrySize || entriesAt + (entries * entrySize) + (big ? 8 : 4) > tiff.Length)
            {
                return $"directory {directory}: {entries} entries run past the end of the file";
            }

            for (long e = 0; e < entries; e++)
            {
                long at = entriesAt + (e * entrySize);
                int tag = U16(tiff, at, little), type = U16(tiff, at + 2, little);
                ulong count = big ? U64(tiff, at + 4, little) : U32(tiff, at + 4, little);
                int size = TypeSize(type);
                if (size == 0)
                {
                    continue; // an unknown type: readers skip the tag, so its count is never used
                }

                // Compared as a fraction of the file, so that a count near 2^64 cannot overflow the product.
                if (count > (ulong)tiff.Length / (ulong)size)
                {
                    return $"directory {directory}, tag {tag}: {count} values of {size} bytes do not fit in a file of {tiff.Length} bytes";
                }

                ulong bytes = count * (ulong)size;
                if (bytes > (ulong)inlineBytes)
                {
                    ulong valuesAt = big ? U64(tiff, at + 12, little) : U32(tiff, at + 8, little);
                    if (valuesAt > (ulong)tiff.Length || bytes > (ulong)tiff.Length - valuesAt)
                    {
                        return $"directory {directory}, tag {tag}: its {bytes} bytes of values at offset {valuesAt} run past the end of the file";
                    }
                }
            }

            long end = entriesAt + (entries * entrySize);
            offset = big ? (long)U64(tiff, end, little) : U32(tiff, end, little);
        }

        return null;
    }

    /// <summary>Bytes per value of a TIFF field type (TIFF 6.0 section 2, BigTIFF 16-18); 0 when unknown.</summary>
    private static int TypeSize(int type) => type switch
    {
        1 or 2 or 6 or 7 => 1,     // BYTE, ASCII, SBYTE, UNDEFINED
        3 or 8 => 2,               // SHORT, SSHORT
        4 or 9 or 11 or 13 => 4,   // LONG, SLONG, FLOAT, IFD
        5 or 10 or 12 => 8,        // RATIONAL, SRATIONAL, DOUBLE
        16 or 17 or 18 => 8,       // LONG8, SLONG8, IFD8
        _ => 0,
    };

    private static int U16(FileBytes b, long at, bool little)
    {
        Span<byte> v = stackalloc byte[2];
        b.Read(at, v);
        return little ? BinaryPrimitives.ReadUInt16LittleEndian(v) : BinaryPrimitives.ReadUInt16BigEndian(v);
    }

    private static uint U32(FileBytes b, long at, bool little)
    {
        Span<byte> v = stackalloc byte[4];
        b.Read(at, v);
        return little ? BinaryPrimitives.ReadUInt32LittleEndian(v) : BinaryPrimitives.ReadUInt32BigEndian(v);
    }

    private static ulong U64(FileBytes b, long at, bool little)
    {
        Span<byte> v = stackalloc byte[8];
        b.Read(at, v);
        return little ? BinaryPrimitives.ReadUInt64LittleEndian(v) : BinaryPrimitives.ReadUInt64BigEndian(v);
    }

    /// <summary>Random access to a file's bytes: an open handle (large rasters) or an array (tests).</summary>
    private sealed class FileBytes
    {
        private readonly SafeFileHandle? _handle;
        private readonly byte[]? _bytes;

        public FileBytes(SafeFileHandle handle)
        {
            _handle = handle;
            Length = RandomAccess.GetLength(handle);
        }

        public FileBytes(byte[] bytes)
        {
            _bytes = bytes;
            Length = bytes.Length;
        }

        public long Length { get; }

        public byte this[int at]
        {
            get
            {
                Span<byte> v = stackalloc byte[1];
                Read(at, v);
                return v[0];
            }
        }

        /// <summary>Reads <paramref name="into"/>'s length at <paramref name="at"/>; callers have checked the range.</summary>
        public void Read(long at, Span<byte> into)
        {
            if (_bytes is not null)
            {
                _bytes.AsSpan((int)at, into.Length).CopyTo(into);
            }
            else if (RandomAccess.Read(_handle!, into, at) != into.Length)
            {
                throw new EndOfStreamException($"the file ends before byte {at + into.Length}");
            }
        }
    }
}
