using System.Text;

namespace Planner.Cli.Tests.Commands;

/// <summary>CSV files for Excel start with the UTF-8 byte-order mark; standard output and <c>--csv-bom false</c> do not.</summary>
public sealed class CsvBomTests : IDisposable
{
    private static readonly string Tiny = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-csv-bom-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Coverage_CsvToFile_StartsWithTheBomThenTheSameUtf8AsStandardOutput()
    {
        string units = Path.Combine(_dir, "units.csv"), points = Path.Combine(_dir, "points.csv");
        var (exit, _, error) = PlannerCli.Run("coverage", Tiny, "--format", "csv", "--out", units, "--points", points);
        Assert.True(exit == 0, error);
        var (stdoutExit, stdout, _) = PlannerCli.Run("coverage", Tiny, "--format", "csv");
        Assert.Equal(0, stdoutExit);

        var bytes = File.ReadAllBytes(units);
        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal(stdout.TrimEnd('\n'), new UTF8Encoding(false).GetString(bytes[3..]).TrimEnd('\n'));
        // The Chinese township name as UTF-8 bytes (E4 B8 9C is 东), which Excel reads as such only after the BOM.
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes("东门街道")), "the unit names are UTF-8");
        Assert.Equal(Bom, File.ReadAllBytes(points)[..3]);
        Assert.NotEqual((byte)0xEF, Encoding.UTF8.GetBytes(stdout)[0]);
    }

    [Fact]
    public void Coverage_CsvBomFalse_WritesPlainUtf8()
    {
        string units = Path.Combine(_dir, "plain.csv");
        var (exit, _, error) = PlannerCli.Run("coverage", Tiny, "--format", "csv", "--out", units, "--csv-bom", "false");
        Assert.True(exit == 0, error);
        Assert.Equal("scope,"u8.ToArray(), File.ReadAllBytes(units)[..6]);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).Any(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle));
}
