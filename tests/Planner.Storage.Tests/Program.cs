using System.Globalization;

namespace Planner.Storage.Tests;

/// <summary>
/// Entry point of the test assembly when started as a child process by the kill test (the test runner
/// itself never calls it). Mode <c>import-large &lt;target&gt; &lt;region&gt; &lt;expectedVersion|new&gt; &lt;demandPoints&gt;</c>
/// saves a large region, printing <c>rows &lt;layer&gt; &lt;count&gt;</c> as rows are written and <c>saved</c> at the end.
/// </summary>
public static class Program
{
    /// <summary>The mode name.</summary>
    public const string ImportLargeMode = "import-large";

    /// <summary>Runs the helper mode.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is not [ImportLargeMode, var target, var region, var version, var points])
        {
            await Console.Error.WriteLineAsync($"usage: {ImportLargeMode} <target> <region> <expectedVersion> <demandPoints>");
            return 2;
        }

        var large = TestRegions.Large(region, int.Parse(points, CultureInfo.InvariantCulture));
        await using var store = StoreFactory.Open(target);
        var inner = store switch { GeoPackage.GeoPackageStore g => g.Inner, PostGis.PostGisStore p => p.Inner, _ => throw new InvalidOperationException() };
        inner.ProgressEvery = 5000;
        inner.RowsWritten = (layer, count) =>
        {
            Console.Out.WriteLine($"rows {layer} {count}");
            Console.Out.Flush();
        };
        await store.SaveRegionAsync(large, version == "new" ? null : long.Parse(version, CultureInfo.InvariantCulture), default);
        Console.Out.WriteLine("saved");
        return 0;
    }
}
