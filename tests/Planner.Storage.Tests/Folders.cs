using Planner.Core.IO;
using Planner.Core.Model;
using Xunit;

namespace Planner.Storage.Tests;

/// <summary>Temporary folders and byte-for-byte comparison of region folders.</summary>
internal static class Folders
{
    public static string NewTemp(string prefix = "planner-storage")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes the region with <see cref="RegionFolderWriter"/> into a new temp folder.</summary>
    public static string Write(Region region)
    {
        var folder = NewTemp("region");
        RegionFolderWriter.Write(region, folder);
        return folder;
    }

    /// <summary>Asserts both folders hold the same files with the same bytes, naming the first differing file and line.</summary>
    public static void AssertIdentical(string expected, string actual)
    {
        var a = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var b = Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(a, b);
        foreach (var file in a)
        {
            var x = File.ReadAllBytes(Path.Combine(expected, file!));
            var y = File.ReadAllBytes(Path.Combine(actual, file!));
            if (!x.AsSpan().SequenceEqual(y))
            {
                var xl = File.ReadAllLines(Path.Combine(expected, file!));
                var yl = File.ReadAllLines(Path.Combine(actual, file!));
                int i = 0;
                while (i < Math.Min(xl.Length, yl.Length) && xl[i] == yl[i])
                {
                    i++;
                }

                Assert.Fail($"{file} differs at line {i + 1}:\nexpected: {(i < xl.Length ? xl[i] : "<end>")}\nactual:   {(i < yl.Length ? yl[i] : "<end>")}");
            }
        }
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
