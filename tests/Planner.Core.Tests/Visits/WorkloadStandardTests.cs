using Planner.Core.Standards;
using Planner.Core.Visits;

namespace Planner.Core.Tests.Visits;

public sealed class WorkloadStandardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workload-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "workload.json");

    [Fact]
    public void Load_ShippedWorkloadRules_IsTheTaicang1960Hours()
    {
        var rules = RuleSet.Load(Shipped);

        var rule = WorkloadStandard.From(rules);

        Assert.Equal((WorkloadStandard.Kind, 1960.0), (rule.Kind, rule.Min));
        Assert.Equal(WorkloadStandard.Taicang.Id, rule.Id);
    }

    [Fact]
    public void Load_WorkloadRuleWithoutHours_RefusedNamingMin()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, """{ "name": "x", "rules": [ { "id": "w", "kind": "workload_hours" } ] }""");

        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Load(path));

        Assert.Contains("field 'min'", error.Message);
    }

    [Fact]
    public void Check_StationsShortAndNot_ComparesWorkersPresentWithNeeded()
    {
        var enough = new StationWorkload("a", "A", "walk", 3, 10, 20, 20, 0, 0, 5, 15, 0, 13.3, 400, 1);
        var short_ = enough with { StationId = "b", WorkersPresent = 1, WorkersNeeded = 2 };

        var checks = WorkloadStandard.Check(WorkloadStandard.Taicang, [enough, short_]).ToList();

        Assert.Equal([("a", true, 3.0, 1.0), ("b", false, 1.0, 2.0)], checks.Select(c => (c.SubjectId, c.Passed, c.Measured!.Value, c.Required)));
    }

    [Fact]
    public void StandardsChecker_WorkloadRule_MeasuresNothingFromTheRegionAlone()
    {
        var region = TestRegions.Region([], [], [TestRegions.Station("S1", 0, 0)]);

        var checks = StandardsChecker.Check(region, new RuleSet("w", [WorkloadStandard.Taicang]));

        Assert.Empty(checks);
    }
}
