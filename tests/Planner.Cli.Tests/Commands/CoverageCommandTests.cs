using System.CommandLine;
using System.Text.Json;
using Planner.Cli.Commands;
using Planner.Core.Network;
using Xunit;

namespace Planner.Cli.Tests.Commands;

[Collection("Console")]
public class CoverageCommandTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args) => PlannerCli.Run(args);

    [Fact]
    public void Coverage_BadOptions_ExitsTwoWithOneLinePerProblem()
    {
        var (exit, _, error) = Run("coverage", "synthetic:500,50,2", "--minutes", "-1", "--mode", "boat", "--format", "xml");
        Assert.Equal(2, exit);
        Assert.Equal(3, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Coverage_MinutesAndSpeed_AreTheCoresTravelLimits()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var (exit, _, error) = Run("coverage", "synthetic:500,50,2", "--minutes", (TravelLimits.MaxMinutes + 1).ToString(inv), "--speed-kmh", (TravelLimits.MaxSpeedKmh + 1).ToString(inv));
        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("minutes: ", lines[0]);
        Assert.StartsWith("speed: ", lines[1]);

        var (ok, output, okError) = Run("coverage", "synthetic:500,50,2", "--minutes", TravelLimits.MaxMinutes.ToString(inv), "--speed-kmh", TravelLimits.MaxSpeedKmh.ToString(inv), "--format", "csv");
        Assert.True(ok == 0, okError);
        Assert.NotEmpty(output);
    }

    [Fact]
    public void Coverage_MissingFolder_ExitsTwo()
    {
        var (exit, _, error) = Run("coverage", "/nonexistent/region");
        Assert.Equal(2, exit);
        Assert.Contains("not found", error);
    }

    [Fact]
    public void Coverage_SyntheticRegion_WritesJsonPointsAndCircles()
    {
        string points = Path.GetTempFileName(), circles = Path.GetTempFileName();
        try
        {
            var (exit, output, _) = Run("coverage", "synthetic:2000,300,5,4", "--points", points, "--circles", circles);
            Assert.Equal(0, exit);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("network", json.RootElement.GetProperty("method").GetString());
            Assert.Equal(15, json.RootElement.GetProperty("minutes").GetDouble());
            Assert.True(json.RootElement.GetProperty("groups").GetProperty("total").GetProperty("population").GetDouble() > 0);
            var lines = File.ReadAllLines(points);
            Assert.Equal("id,nearest_station,minutes,covered", lines[0]);
            Assert.Equal(301, lines.Length);
            Assert.Contains("FeatureCollection", File.ReadAllText(circles));
        }
        finally
        {
            File.Delete(points);
            File.Delete(circles);
        }
    }

    [Fact]
    public void Coverage_RegionFolder_PointTimesMatchHandComputedWalk()
    {
        // Tiny fixture, by hand: s1 (117.2349, 28.2851) is 9.8 m from the footway (lon 117.235) and 11.1 m from road 101
        // (lat 28.285), so it joins the footway 11.1 m north of the crossing. d1 walks 55.4 m to road 101, 0.01 degrees of
        // longitude (979.2 m) to the crossing, 11.1 m up the footway and 9.8 m to s1: 1,055.5 m at 80 m/min = 13.19 min.
        // d2 (117.24, 28.2845): 55.4 m + 489.6 m + 11.1 m + 9.8 m = 565.9 m = 7.07 min.
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
        var points = Path.Combine(Path.GetTempPath(), $"points-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, output, error) = Run("coverage", folder, "--points", points);
            Assert.True(exit == 0, error);
            var rows = File.ReadAllLines(points).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0]);
            Assert.Equal("s1", rows["d1"][1]);
            Assert.Equal(13.19, double.Parse(rows["d1"][2], System.Globalization.CultureInfo.InvariantCulture), 0.05);
            Assert.Equal(7.07, double.Parse(rows["d2"][2], System.Globalization.CultureInfo.InvariantCulture), 0.05);
            using var doc = JsonDocument.Parse(output);
            var total = doc.RootElement.GetProperty("groups").GetProperty("total");
            Assert.Equal(250, total.GetProperty("population").GetDouble());

            // The default circle is GB 50180's 15-minute walk capped at 1,000 m: d1's 1,055.5 m is within 15 minutes
            // (1,200 m) but beyond the cap; d2's 565.9 m is within both. --no-cap covers d1 by time alone.
            Assert.Equal(("gb50180-15min", 1000.0), (doc.RootElement.GetProperty("circle").GetString(), doc.RootElement.GetProperty("capMeters").GetDouble()));
            Assert.Equal(("false", "true"), (rows["d1"][3], rows["d2"][3]));
            Assert.Equal(0, Run("coverage", folder, "--no-cap", "--points", points).Exit);
            rows = File.ReadAllLines(points).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0]);
            Assert.Equal(("true", "true"), (rows["d1"][3], rows["d2"][3]));
        }
        finally
        {
            File.Delete(points);
        }
    }

    [Fact]
    public void Coverage_Tiers_ReportsEachCircleWithItsCapInOneRun()
    {
        var (exit, output, error) = Run("coverage", "synthetic:2000,300,5,4", "--tiers", "gb50180-5min,gb50180-10min,gb50180-15min", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scope,code,name,level,group,population,covered,share,circle,cap_m", lines[0]);
        var region = lines.Where(l => l.StartsWith("region,", StringComparison.Ordinal) && l.Contains(",total,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        Assert.Equal(["gb50180-5min", "gb50180-10min", "gb50180-15min"], region.Select(r => r[8]));
        Assert.Equal(["300", "500", "1000"], region.Select(r => r[9]));

        // --circles with ids (not a .geojson path) is the same as --tiers.
        var (same, sameOut, _) = Run("coverage", "synthetic:2000,300,5,4", "--circles", "gb50180-5min,gb50180-10min,gb50180-15min", "--format", "csv");
        Assert.Equal((0, output), (same, sameOut));
    }

    [Theory]
    [InlineData("--tiers", "gb50180-20min", "--tiers: circle 'gb50180-20min' is unknown")]
    [InlineData("--minutes", "10", "--tiers: give either circle ids or --minutes/--mode/--speed-kmh, not both.")]
    public void Coverage_BadCircle_ExitsTwoNamingTheOption(string option, string value, string expected)
    {
        var args = option == "--tiers" ? new[] { "coverage", "synthetic:500,50,2", option, value } : ["coverage", "synthetic:500,50,2", "--tiers", "gb50180-5min", option, value];
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_UnknownOption_ExitsTwoWithOneLine()
    {
        var (exit, output, error) = Run("coverage", "synthetic:500,50,2", "--minuts", "20");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--minuts", error, StringComparison.Ordinal);
    }
}
