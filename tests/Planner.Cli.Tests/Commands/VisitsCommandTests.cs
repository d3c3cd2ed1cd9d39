using System.Text.Json;
using Xunit;

namespace Planner.Cli.Tests.Commands;

[Collection("Console")]
public sealed class VisitsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("visits").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Guixi
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found."), "data", "guixi");
        }
    }

    [Fact]
    public void Visits_Guixi_EveryStationHasHoursWorkersAndTheUnmetAddUp()
    {
        string outFile = Path.Combine(_dir, "plan.json");

        var (exit, _, error) = PlannerCli.Run("visits", Guixi, "--seconds-per-station", "0.3", "--out", outFile);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var root = json.RootElement;
        var stations = root.GetProperty("stations").EnumerateArray().ToList();

        // The eight built or operating stations of the sample; planned ones have no workers and take no cases.
        Assert.Equal(8, stations.Count);
        Assert.All(stations, s => Assert.True(s.GetProperty("workersNeeded").GetInt32() >= 1));
        int asked = stations.Sum(s => s.GetProperty("visitsAsked").GetInt32());
        int planned = stations.Sum(s => s.GetProperty("visitsPlanned").GetInt32());
        int volunteer = stations.Sum(s => s.GetProperty("volunteerVisits").GetInt32());
        int unmet = root.GetProperty("unmet").GetArrayLength();
        int cases = File.ReadLines(Path.Combine(Guixi, "cases.csv")).Skip(1).Sum(l => int.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(cases, asked + volunteer + root.GetProperty("unmet").EnumerateArray().Count(u => u.GetProperty("station").ValueKind == JsonValueKind.Null));
        Assert.Equal(asked, planned + stations.Sum(s => s.GetProperty("visitsUnmet").GetInt32()));
        Assert.Equal(root.GetProperty("visitsPlanned").GetInt32() + unmet, cases);
        Assert.Equal(8, root.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("ruleId").GetString() == "staffing.workload_hours"));
        Assert.Equal("walk", stations[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void Visits_GeoJson_OneLinePerWorkerDayAlongTheRoadsThroughItsStops()
    {
        string outFile = Path.Combine(_dir, "days.geojson");

        var (exit, _, error) = PlannerCli.Run("visits", Guixi, "--format", "geojson", "--seconds-per-station", "0.2", "--out", outFile);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            var line = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList();
            var stops = p.GetProperty("stop_coordinates").EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList();
            Assert.Equal(p.GetProperty("stops").GetInt32() + 2, stops.Count);
            Assert.Equal((stops[0], stops[^1]), (line[0], line[^1]));

            // Each stop is a vertex of the line, in visit order (the legs between them follow the roads).
            int at = 0;
            foreach (var stop in stops)
            {
                at = line.IndexOf(stop, at);
                Assert.True(at >= 0, $"{p.GetProperty("worker").GetString()} {p.GetProperty("day").GetString()}: stop {stop} not on the line");
            }

            Assert.True(p.GetProperty("minutes").GetDouble() > 0);
        }

        Assert.True(features.Sum(f => f.GetProperty("geometry").GetProperty("coordinates").GetArrayLength()) > features.Sum(f => f.GetProperty("properties").GetProperty("stops").GetInt32() + 2), "along the roads, not stop to stop");
    }

    [Fact]
    public void Visits_Csv_OneRowPerStationWithWorkersNeededAndPresent()
    {
        var (exit, output, error) = PlannerCli.Run("visits", Guixi, "--format", "csv", "--seconds-per-station", "0.2", "--mode", "walk");

        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("station,name,mode,workers_present,workers_needed,", lines[0]);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public void Visits_BadInput_Exit2OneLinePerProblem()
    {
        var cases = Path.Combine(_dir, "cases.csv");
        File.WriteAllText(cases, "id,lon,lat,category,visits_per_month,minutes_per_visit\nc1,117.23,28.29,elderly_alone,four,30\nc2,117.23,28.29,nobody,2,30\n");

        var (exit, _, error) = PlannerCli.Run("visits", Guixi, "--cases", cases, "--month", "2027-13", "--duty-share", "1");

        Assert.Equal(2, exit);
        var lines = error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("--month:", lines[0]);
        Assert.StartsWith("--dutyShare:", lines[1]);

        (exit, _, error) = PlannerCli.Run("visits", Guixi, "--cases", cases);

        Assert.Equal(2, exit);
        Assert.Equal(["cases.csv: row 2: visits_per_month", "cases.csv: row 3: category"], error.Trim().Split('\n').Select(l => string.Join(": ", l.Split(": ").Take(3))));
    }

    [Fact]
    public void Visits_XlsxWithoutOut_Exit2()
    {
        var (exit, _, error) = PlannerCli.Run("visits", Guixi, "--format", "xlsx");

        Assert.Equal(2, exit);
        Assert.Contains("--out", error);
    }
}
