using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

public sealed class RegionCoverageMatrixSourceTests
{
    [Fact]
    public void Build_StraightLine_OperatingStationsLockedCandidatesInTheirTownship()
    {
        var factory = new GeometryFactory();
        var west = factory.CreatePolygon([new(117.0, 28.0), new(117.01, 28.0), new(117.01, 28.01), new(117.0, 28.01), new(117.0, 28.0)]);
        var groups = new PopulationGroups(["total", "elderly"]);
        var region = new Region
        {
            Info = new RegionInfo("test", "360681", InputCrs.Wgs84, groups, 15, "walk", []),
            Units = [new AdminUnit("360681001", "西街道", AdminLevel.Township, "360681", west)],
            Demand =
            [
                new DemandPoint("d1", new GeoPoint(117.005, 28.005), null, [100, 10]),
                new DemandPoint("d2", new GeoPoint(117.05, 28.005), null, [50, 5]),
            ],
            Stations =
            [
                new Station("op", "operating", new GeoPoint(117.005, 28.006), StationLevel.TownshipStation, StationStatus.Operating, 3, null),
                new Station("pl", "planned", new GeoPoint(117.05, 28.006), StationLevel.TownshipStation, StationStatus.Planned, 0, null),
            ],
            Candidates = [new Candidate("c1", "west", new GeoPoint(117.004, 28.004), 2), new Candidate("c2", "east", new GeoPoint(117.05, 28.004), 3)],
        };

        var matrix = new RegionCoverageMatrixSource(new StraightLineTravelTimes(4.5, 1.3)).Build(region, 15, 15, CancellationToken.None);

        Assert.Equal(["op", "c1", "c2"], matrix.Sites.Select(s => s.Id));
        Assert.Equal(SiteRole.Existing, matrix.Sites[0].Role);
        Assert.Equal("360681001", matrix.Sites[1].TownshipCode);
        Assert.Null(matrix.Sites[2].TownshipCode);
        Assert.Equal(3, matrix.Sites[2].Cost);

        // d2 is about 4.4 km from the west side: only c2 (222 m away) reaches it within 15 minutes.
        Assert.Equal([0], matrix.CoveredBy(0).ToArray());
        Assert.Equal([2], matrix.SitesCovering(1).ToArray());
        var result = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Mclp, P = 1 });
        Assert.Equal("c2", Assert.Single(result.Sites).Id);
        Assert.Equal(100, result.Before[0].Covered);
        Assert.Equal(150, result.After[0].Covered);
    }
}
