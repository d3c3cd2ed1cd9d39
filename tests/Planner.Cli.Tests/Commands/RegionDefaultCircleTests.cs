using System.Text.Json;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// data/porto-alegre names its own default circle (region.json <c>defaults.circle</c> = custom: the ad-hoc 15-minute
/// walk), since its stand-in stations are village points that GB 50180's 15-minute circle does not count.
/// </summary>
[Collection("Console")]
public sealed class RegionDefaultCircleTests
{
    [Fact]
    public void Coverage_PortoAlegreDefault_IsItsAdHocWalkNotTheStandard()
    {
        static JsonElement Coverage(params string[] args)
        {
            var (exit, output, error) = PlannerCli.Run(["coverage", PortoAlegre, "--format", "json", .. args]);
            Assert.True(exit == 0, error);
            return JsonDocument.Parse(output).RootElement.Clone();
        }

        var byDefault = Coverage();
        var walk = Coverage("--minutes", "15");
        var standard = Coverage("--tiers", "gb50180-15min");

        Assert.Equal("custom", byDefault.GetProperty("circle").GetString());
        double Covered(JsonElement r) => r.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble();
        Assert.Equal(Covered(walk), Covered(byDefault));
        Assert.True(Covered(byDefault) > 0.5 * byDefault.GetProperty("groups").GetProperty("total").GetProperty("population").GetDouble());
        Assert.Equal(0, Covered(standard));
    }

    [Fact]
    public void ImportOsm_UnknownDefaultCircle_ExitsTwoNamingTheOption()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("default-circle").FullName, "r");
        var (exit, _, error) = PlannerCli.Run("import", "osm", Path.Combine(PortoAlegre, "..", "..", "README.md"), "--out", folder, "--default-circle", "gb50180-7min");

        Assert.Equal(2, exit);
        Assert.Contains("--default-circle: circle 'gb50180-7min' is unknown", error, StringComparison.Ordinal);
    }

    private static string PortoAlegre
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder."), "data", "porto-alegre");
        }
    }
}
