using Planner.Api.Coverage;
using Planner.Core.IO;

namespace Planner.Api.Tests;

/// <summary>A coverage request that names no circle and sets no minutes, mode or speed takes the region's own default circle.</summary>
public class CoverageQueryDefaultCircleTests
{
    private static readonly Planner.Core.Model.Region Guixi =
        RegionFolderReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", "guixi")).Region!;

    [Theory]
    [InlineData(null, "gb50180-15min", 1000.0)]
    [InlineData("gb50180-10min", "gb50180-10min", 500.0)]
    [InlineData("custom", "custom", null)]
    public void Parse_NothingAsked_TheRegionsDefaultCircle(string? regionDefault, string expected, double? cap)
    {
        var region = Guixi with { Info = Guixi.Info with { DefaultCircle = regionDefault } };

        var (query, problem) = CoverageQuery.Parse(region, null, null, null, null);

        Assert.Null(problem);
        var options = query!.ToOptions();
        Assert.Equal((expected, cap), (options.CircleId, options.CapMeters));
    }

    [Fact]
    public void Parse_CircleNamed_OverridesTheRegionsAdHocDefault()
    {
        var region = Guixi with { Info = Guixi.Info with { DefaultCircle = "custom" } };

        var (query, _) = CoverageQuery.Parse(region, null, null, null, null, circle: "gb50180-5min");

        Assert.Equal("gb50180-5min", query!.ToOptions().CircleId);
    }
}
