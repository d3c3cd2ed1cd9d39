using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Planner.Core.Import;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class HexGridTests
{
    private static readonly GeometryFactory Metric = new();

    [Theory]
    [InlineData(300)]
    [InlineData(57.5)]
    public void Cell_Area_MatchesRegularHexagonFormula(double edge)
    {
        var cell = HexGrid.Cell(Metric, 1000, -2000, edge);

        Assert.Equal(3 * Math.Sqrt(3) / 2 * edge * edge, cell.Area, 1e-6 * edge * edge);
        Assert.Equal(6 * edge, cell.Length, 1e-9 * edge);
    }

    [Fact]
    public void Clip_IrregularPolygon_CellsCoverItWithoutOverlap()
    {
        var area = new WKTReader(Metric.GeometryServices).Read(
            "POLYGON ((0 0, 2600 150, 3100 1900, 1700 2600, 900 1500, 200 2100, 0 0), (1200 600, 1600 600, 1600 900, 1200 900, 1200 600))");

        var cells = HexGrid.Clip(area, 300, minPieceM2: 0);
        var union = RobustOverlay.Union(Metric.BuildGeometry(cells));

        Assert.Equal(area.Area, cells.Sum(c => c.Area), 1e-6 * area.Area);
        Assert.Equal(area.Area, union.Area, 1e-6 * area.Area);
        Assert.True(RobustOverlay.SymmetricDifference(union, area).Area < 1e-6 * area.Area, $"union {union}\narea {area}");
        Assert.All(cells, c => Assert.InRange(c.Area, 0, HexGrid.CellAreaM2(300) * (1 + 1e-9)));
    }

    [Fact]
    public void Clip_NeighbouringAreas_ShareOneLattice()
    {
        var reader = new WKTReader(Metric.GeometryServices);
        var left = reader.Read("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
        var right = reader.Read("POLYGON ((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))");
        var both = reader.Read("POLYGON ((0 0, 2000 0, 2000 1000, 0 1000, 0 0))");

        var separate = HexGrid.Clip(left, 200, 0).Concat(HexGrid.Clip(right, 200, 0)).ToList();

        // Every cell of the whole is exactly the union of the pieces cut from the two halves.
        foreach (var cell in HexGrid.Clip(both, 200, 0))
        {
            var pieces = separate.Where(p => RobustOverlay.Intersection(p, cell).Area > 1).ToList();
            var rejoined = RobustOverlay.Union(Metric.BuildGeometry(pieces));
            Assert.True(RobustOverlay.SymmetricDifference(rejoined, cell).Area < 1e-6, $"cell {cell}\nrejoined {rejoined}");
        }
    }
}
