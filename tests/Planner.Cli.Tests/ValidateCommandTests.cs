using Planner.Cli.Commands;

namespace Planner.Cli.Tests;

public class ValidateCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", name);

    [Fact]
    public void Validate_CleanRegion_PrintsSummaryAndExitsZero()
    {
        var output = new StringWriter();
        var code = ValidateCommand.Run(new DirectoryInfo(Fixture("tiny")), 500, output);

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("Region      测试区 (tiny test region) (360681)", text, StringComparison.Ordinal);
        Assert.Contains("Units       1 county, 2 township, 1 village, 0 grid", text, StringComparison.Ordinal);
        Assert.Contains("Demand      3 points; population total 250, elderly 35, children 55", text, StringComparison.Ordinal);
        Assert.Contains("Stations    1 planned, 0 built, 1 operating", text, StringComparison.Ordinal);
        Assert.Contains("Buildings   2 public: 1 school, 1 townhall", text, StringComparison.Ordinal);
        Assert.Contains("computed in WGS 84 / UTM zone 50N", text, StringComparison.Ordinal);
        Assert.Contains("No problems found.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoadLengthByClass_MatchesHaversineLengths()
    {
        var output = new StringWriter();
        ValidateCommand.Run(new DirectoryInfo(Fixture("tiny")), 500, output);

        // Independent check: the residential road runs 0.028 degrees of longitude along 28.285 N, the footway 0.018 degrees of latitude.
        double kmPerDegLon = 6371.0088 * Math.PI / 180 * Math.Cos(28.285 * Math.PI / 180);
        double kmPerDegLat = 6371.0088 * Math.PI / 180;
        var text = output.ToString();
        var line = text.Split('\n').Single(l => l.StartsWith("Roads", StringComparison.Ordinal));
        Assert.Contains($"residential {0.028 * kmPerDegLon:N1}", line, StringComparison.Ordinal);
        Assert.Contains($"footway {0.018 * kmPerDegLat:N1}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WalkNetwork_ExcludesTrunkAndReportsIslands()
    {
        var output = new StringWriter();
        ValidateCommand.Run(new DirectoryInfo(Fixture("tiny")), 500, output);

        // The trunk road is not walkable; the residential road and the footway cross at one shared node: 5 vertices, 4 edges.
        double km = (0.028 * 6371.0088 * Math.PI / 180 * Math.Cos(28.285 * Math.PI / 180)) + (0.018 * 6371.0088 * Math.PI / 180);
        var text = output.ToString();
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Network     walk: 2 roads usable, 1 excluded by the profile; 5 vertices, 4 edges, {km:N1} km"), text, StringComparison.Ordinal);
        Assert.Contains("Islands     0 disconnected pieces removed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenRegion_PrintsOneLinePerProblemAndExitsTwo()
    {
        var dir = Path.Combine(Path.GetTempPath(), "planner-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.GetFiles(Fixture("tiny")))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            var stations = Path.Combine(dir, "stations.geojson");
            File.WriteAllText(stations, File.ReadAllText(stations).Replace("\"status\":\"planned\"", "\"status\":\"closed\"", StringComparison.Ordinal));
            var demand = Path.Combine(dir, "demand.csv");
            File.WriteAllText(demand, File.ReadAllText(demand).Replace("d1,117.225,28.2855,360681001001,120", "d1,117.225,28.2855,360681001001,-1", StringComparison.Ordinal));

            var output = new StringWriter();
            var code = ValidateCommand.Run(new DirectoryInfo(dir), 500, output);

            var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal(2, code);
            Assert.Contains("2 error(s), 0 warning(s):", lines);
            Assert.Contains("  stations.geojson feature s2 field 'status': unknown status 'closed': use planned, built or operating", lines);
            Assert.Contains("  demand.csv feature d1 field 'total': count -1 is negative", lines);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
