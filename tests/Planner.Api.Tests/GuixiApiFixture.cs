using Planner.Core.IO;
using Planner.Storage.GeoPackage;

namespace Planner.Api.Tests;

/// <summary>
/// The API over the shipped Guixi sample (贵溪市, code 360681, three townships 360681001..003) with keys for the
/// county, for two of its townships (花园街道 360681001, 雄石街道 360681002) and for another county (3611) and a
/// township of it. The workspace is the one an earlier API wrote: its seed stored the region renamed to its
/// folder name (<c>Info.Name</c> = <c>guixi</c>), which the API must still open, serve and name 贵溪市 again.
/// </summary>
public sealed class GuixiApiFixture : ApiFixture
{
    /// <summary>The shipped sample folder as copied into the data folder.</summary>
    public string SampleFolder => Path.Combine(DataPath, "guixi");

    /// <inheritdoc />
    protected override IReadOnlyList<(string County, string Scope)> Counties =>
        [("guixi", "360681"), ("huayuan", "360681001"), ("xiongshi", "360681002"), ("elsewhere", "3611"), ("elsewhere-township", "361100001")];

    /// <inheritdoc />
    protected override async Task WriteRegionsAsync()
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", "guixi"), SampleFolder);
        var region = RegionFolderReader.Read(SampleFolder).Region!;
        await using var store = new GeoPackageStore(WorkspaceFile);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveRegionAsync(region with { Info = region.Info with { Name = "guixi" } }, null, CancellationToken.None);
    }
}

/// <summary>Shares one Guixi host among the township-scope test classes.</summary>
[CollectionDefinition(Name)]
public sealed class GuixiCollection : ICollectionFixture<GuixiApiFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "guixi";
}
