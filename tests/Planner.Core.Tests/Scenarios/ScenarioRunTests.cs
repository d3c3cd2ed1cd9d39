using Planner.Core.Model;
using Planner.Core.Scenarios;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Scenarios;

public sealed class ScenarioRunTests
{
    // A straight street of 3 km (61 vertices, so no island filter drops it), s1 operating at 0 m, s2 planned at
    // 3,000 m, 100 people (20 elderly) at 500, 1,500 and 2,500 m. The scenario walks at 6 km/h (100 m/min) for
    // 10 minutes: 1,000 m, the elderly at their own 3.6 km/h (60 m/min): 600 m.
    private static readonly Region Street = Region(Line([.. Enumerable.Range(0, 61).Select(i => i * 50.0)]),
        [Point("d500", 500, 0), Point("d1500", 1500, 0), Point("d2500", 2500, 0)],
        [Station("s1", 0, 0), Station("s2", 3000, 0, StationStatus.Planned)]);

    private static readonly Planner.Core.Regions.RegionKey TestKey = new("test");

    private static readonly Scenario Faster = new("faster", "test", [new SetMinutesEdit(10), new SetSpeedEdit(6)]);

    [Fact]
    public void Run_MinutesAndSpeedEdits_CoverWhatTheyReachByHand()
    {
        // Operating s1 only: d500 (500 m: 5 min, the elderly 8.3 min) is covered, d1500 is not.
        var report = ScenarioRun.Run(TestKey, Street, Faster);
        Assert.Equal((10.0, 6.0), (report.Minutes, report.SpeedKmh));
        Assert.Equal((100.0, 300.0), (report.Groups["total"].Covered, report.Groups["total"].Population));
        Assert.Equal(20.0, report.Groups["elderly"].Covered);
    }

    [Fact]
    public void Run_IncludePlanned_CountsThePlannedStation()
    {
        // With s2 counted, d2500 (500 m from s2) is covered as well; d1500 is 1,500 m from both.
        var report = ScenarioRun.Run(TestKey, Street, Faster, includePlanned: true);
        Assert.Equal(200.0, report.Groups["total"].Covered);
        Assert.Equal(40.0, report.Groups["elderly"].Covered);
        var plan = ScenarioRun.Plan(TestKey, Street, Faster, includePlanned: true);
        Assert.Equal((10.0, "walk", 6.0, true), (plan.Options.Minutes, plan.Options.Mode, plan.Options.SpeedKmh, plan.Options.IncludePlanned));
    }
}
