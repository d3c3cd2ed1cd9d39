using Planner.Reports.Model;

namespace Planner.Reports.Tests.Model;

[Collection(GuixiCollection.Name)]
public class ReportBuilderTests(GuixiReport guixi)
{
    [Fact]
    public void Build_Guixi_TownshipSectionsHoldEveryVillageWithTheJsonShares()
    {
        var json = guixi.JsonUnits("village").ToDictionary(v => v.Code);
        var doc = guixi.Document;
        Assert.Equal(guixi.JsonUnits("township").Select(t => t.Name).Order(), doc.Townships.Select(t => t.Township.Name).Order());
        Assert.Equal(json.Count, doc.Villages.Count());
        foreach (var section in doc.Townships)
        {
            foreach (var v in section.Villages)
            {
                Assert.Equal(section.Township.Name, v.ParentName);
                for (int g = 0; g < doc.Groups.Count; g++)
                {
                    Assert.Equal(json[v.Code].Shares[doc.Groups[g].Key], v.Figures[g].Share, 12);
                }
            }
        }
    }

    [Fact]
    public void Build_AdHocRun_NamesTheCircleAsAdHocWithoutACap()
    {
        var c = Assert.Single(guixi.Document.Circles);
        Assert.Equal(("custom", "自定义服务圈", null), (c.Id, c.Title, c.CapMeters));
        Assert.Equal("自定义服务圈（custom）：步行15分钟，不设距离上限（4.8公里/小时，沿路网）", c.Describe(guixi.Document.Text));
        Assert.StartsWith("在自定义服务圈（步行15分钟）内，", guixi.Document.Summary[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StandardCircle_NamesItAndItsCapInBothLanguages()
    {
        var circle = Planner.Core.Circles.LifeCircleCatalog.Builtin().Find("gb50180-10min")!;
        var coverage = Planner.Core.Coverage.CoverageCalculator.Compute(guixi.Region, new Planner.Core.Coverage.CoverageOptions { BuildCircles = false }.ForCircle(circle));
        var zh = ReportBuilder.Build(guixi.Region, coverage, [], new ReportOptions());
        var en = ReportBuilder.Build(guixi.Region, coverage, [], new ReportOptions { Language = ReportLanguage.English });

        Assert.Equal(("gb50180-10min", "十分钟生活圈", 500.0), (zh.Circles[0].Id, zh.Circles[0].Title, zh.Circles[0].CapMeters));
        Assert.Equal("十分钟生活圈（gb50180-10min）：步行10分钟，路网距离不超过500米（4.8公里/小时，沿路网）", zh.Circles[0].Describe(zh.Text));
        Assert.Equal("10-minute life circle (gb50180-10min): walk 10 min, network distance at most 500 m (4.8 km/h, network)", en.Circles[0].Describe(en.Text));
        Assert.StartsWith("在十分钟生活圈（步行10分钟，路网距离不超过500米）内，", zh.Summary[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GeneratedAtUtc_ShownInShanghaiTime()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 30, 0, TimeSpan.FromHours(8)), guixi.Document.GeneratedAt);
        Assert.Equal(TimeSpan.FromHours(8), guixi.Document.GeneratedAt.Offset);
    }

    [Fact]
    public void Summary_Guixi_NamesTheThreeLowestTownshipsAndFiveLowestVillagesInOrder()
    {
        string Lowest(string level, int n) => string.Join("、", guixi.JsonUnits(level)
            .OrderBy(u => u.Shares["total"]).ThenBy(u => u.Code, StringComparer.Ordinal).Take(n)
            .Select(u => $"{u.Name}（{GuixiReport.Printed(u.Shares["total"])}）"));

        var summary = guixi.Document.Summary;
        Assert.Contains(summary, p => p.Contains(Lowest("township", 3), StringComparison.Ordinal));
        Assert.Contains(summary, p => p.Contains(Lowest("village", 5), StringComparison.Ordinal));
        foreach (var (group, share) in guixi.JsonShares())
        {
            Assert.Contains($"{guixi.Document.Text.Term(group)}", summary[0], StringComparison.Ordinal);
            Assert.Contains($"覆盖率{GuixiReport.Printed(share)}", summary[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Summary_Guixi_CountsFailedChecksAndNamesFailedRulesInChinese()
    {
        int failed = guixi.Checks.Count(c => !c.Passed);
        Assert.True(failed > 0);
        var last = guixi.Document.Summary[^1];
        Assert.Contains($"共{guixi.Checks.Count}项", last, StringComparison.Ordinal);
        Assert.Contains($"不达标{failed}项", last, StringComparison.Ordinal);
        Assert.Contains("每个村（社区）都在站点或服务点的 15 分钟服务圈内", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_English_UsesEnglishWordsAndTheFileRuleText()
    {
        var doc = guixi.Build(ReportLanguage.English);
        Assert.Equal("total", doc.Groups[0].Label);
        Assert.StartsWith("Within the ad-hoc circle (15 min by walk) of 贵溪市", doc.Summary[0], StringComparison.Ordinal);
        var rule = guixi.Checks.First(c => !c.Passed);
        Assert.Contains(doc.Checks, c => c.RuleId == rule.RuleId && c.RuleText == rule.Rule);
    }

    /// <summary>Second method: the distance in the region's local metric projection (ProjNet), not on the sphere.</summary>
    [Fact]
    public void Gaps_Guixi_NamedByContainingVillageAndMeasuredToNearestStation()
    {
        var projection = guixi.Region.CreateProjection();
        var stations = guixi.Document.Stations;
        Assert.NotEmpty(guixi.Document.Gaps);
        foreach (var gap in guixi.Document.Gaps)
        {
            var village = guixi.Region.Units.Single(u => u.Name == gap.VillageName && u.Level == Planner.Core.Model.AdminLevel.Village);
            Assert.True(village.Boundary.Covers(new NetTopologySuite.Geometries.Point(gap.Lon, gap.Lat)), $"{gap.Id} is not in {gap.VillageName}");
            var centre = projection.Project(new Planner.Core.Geo.GeoPoint(gap.Lon, gap.Lat));
            var planar = stations.Select(s => (s.Name, Meters: Distance(centre, projection.Project(new Planner.Core.Geo.GeoPoint(s.Lon, s.Lat))))).MinBy(s => s.Meters);
            Assert.Equal(planar.Name, gap.NearestStationName);
            Assert.InRange(gap.NearestStationMeters!.Value, (planar.Meters * 0.995) - 1, (planar.Meters * 1.005) + 1);
        }
    }

    private static double Distance(Planner.Core.Geo.ProjectedPoint a, Planner.Core.Geo.ProjectedPoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
