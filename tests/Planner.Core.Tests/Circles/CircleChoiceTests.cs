using Planner.Core.Circles;
using Planner.Core.Coverage;
using Planner.Core.IO;

namespace Planner.Core.Tests.Circles;

/// <summary>A region's own default circle (region.json <c>defaults.circle</c>) as every host reads it: through <see cref="CircleChoice"/>.</summary>
public class CircleChoiceTests
{
    private const string Defaults = "\"defaults\": { \"minutes\": 15, \"mode\": \"walk\" }";

    private static readonly LifeCircleCatalog Catalog = LifeCircleCatalog.Builtin();

    [Fact]
    public void Resolve_RegionNamesACircle_ThatCircleWithItsCap()
    {
        using var folder = FixtureRegion.Copy().Replace("region.json", Defaults, "\"defaults\": { \"minutes\": 15, \"mode\": \"walk\", \"circle\": \"gb50180-10min\" }");
        var info = RegionFolderReader.Read(folder.Path).Region!.Info;

        var (runs, problems) = CircleChoice.Resolve(info, new CoverageOptions(), Catalog, [], adHoc: false, noCap: false);

        Assert.Empty(problems);
        var run = Assert.Single(runs);
        Assert.Equal(("gb50180-10min", 10.0, "walk", (double?)500), (run.CircleId, run.Minutes, run.Mode, run.CapMeters));
    }

    [Fact]
    public void Resolve_RegionDefaultIsCustom_AdHocCircleOfTheRegionsMinutesAndMode()
    {
        using var folder = FixtureRegion.Copy().Replace("region.json", Defaults, "\"defaults\": { \"minutes\": 12, \"mode\": \"ebike\", \"circle\": \"custom\" }");
        var info = RegionFolderReader.Read(folder.Path).Region!.Info;

        var run = Assert.Single(CircleChoice.Resolve(info, new CoverageOptions(), Catalog, [], adHoc: false, noCap: false).Runs);

        Assert.Equal(("custom", 12.0, "ebike", (double?)null), (run.CircleId, run.Minutes, run.Mode, run.CapMeters));
        Assert.True(run.StationLevels.IsEmpty);
    }

    [Fact]
    public void Resolve_NamedOrAdHocCircle_OverridesTheRegionDefault()
    {
        using var folder = FixtureRegion.Copy().Replace("region.json", Defaults, "\"defaults\": { \"minutes\": 15, \"mode\": \"walk\", \"circle\": \"custom\" }");
        var info = RegionFolderReader.Read(folder.Path).Region!.Info;

        Assert.Equal("gb50180-5min", Assert.Single(CircleChoice.Resolve(info, new CoverageOptions(), Catalog, ["gb50180-5min"], adHoc: false, noCap: false).Runs).CircleId);
        var adHoc = Assert.Single(CircleChoice.Resolve(info, new CoverageOptions { Minutes = 20, Mode = "drive" }, Catalog, [], adHoc: true, noCap: false).Runs);
        Assert.Equal((20.0, "drive"), (adHoc.Minutes, adHoc.Mode));
    }

    [Fact]
    public void Resolve_RegionWithoutDefaultCircle_TheStandard()
    {
        var info = RegionFolderReader.Read(FixtureRegion.Original()).Region!.Info;

        Assert.Null(info.DefaultCircle);
        Assert.Equal(LifeCircleCatalog.DefaultId, Assert.Single(CircleChoice.Resolve(info, new CoverageOptions(), Catalog, [], adHoc: false, noCap: false).Runs).CircleId);
    }

    [Fact]
    public void Read_UnknownDefaultCircle_ProblemNamesTheField()
    {
        using var folder = FixtureRegion.Copy().Replace("region.json", Defaults, "\"defaults\": { \"minutes\": 15, \"mode\": \"walk\", \"circle\": \"gb50180-7min\" }");

        var problem = Assert.Single(RegionFolderReader.Read(folder.Path).Problems, p => p.Field == "defaults.circle");

        Assert.Contains("'gb50180-7min' is not a life circle", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DefaultCircle_RoundTrips()
    {
        using var folder = FixtureRegion.Copy().Replace("region.json", Defaults, "\"defaults\": { \"minutes\": 15, \"mode\": \"walk\", \"circle\": \"county-rural-ebike-15min\" }");
        var info = RegionFolderReader.Read(folder.Path).Region!.Info;

        RegionFolderWriter.WriteInfo(info, folder.Path);

        Assert.Equal("county-rural-ebike-15min", RegionFolderReader.Read(folder.Path).Region!.Info.DefaultCircle);
    }
}
