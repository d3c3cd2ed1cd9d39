using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Api.Reports;

/// <summary>
/// Draws a region's coverage as an SVG map: units, service circles, gaps and stations, projected with the
/// region's <see cref="LocalProjection"/> (metres, so distances and shapes are true) and fitted to the view box.
/// </summary>
internal sealed class SvgMap
{
    private const double Width = 800;
    private const double Margin = 10;
    private readonly LocalProjection _projection;
    private readonly double _minX;
    private readonly double _maxY;
    private readonly double _scale;

    private SvgMap(LocalProjection projection, Envelope extent)
    {
        _projection = projection;
        _minX = extent.MinX;
        _maxY = extent.MaxY;
        _scale = (Width - 2 * Margin) / Math.Max(1, extent.Width);
        Height = Math.Max(200, extent.Height * _scale + 2 * Margin);
    }

    private double Height { get; }

    /// <summary>The map of <paramref name="report"/> over the units in <paramref name="units"/>.</summary>
    public static string Render(Region region, IReadOnlyList<AdminUnit> units, CoverageReport report, string title)
    {
        var projection = region.CreateProjection();
        var extent = new Envelope();
        foreach (var u in units)
        {
            extent.ExpandToInclude(projection.Project(u.Boundary).EnvelopeInternal);
        }

        if (extent.IsNull)
        {
            var b = region.Bounds;
            foreach (var p in new[] { new GeoPoint(b.MinLon, b.MinLat), new GeoPoint(b.MaxLon, b.MaxLat) })
            {
                var xy = projection.Project(p);
                extent.ExpandToInclude(xy.X, xy.Y);
            }
        }

        var map = new SvgMap(projection, extent);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {Width:0} {map.Height:0}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        svg.Append("<g class=\"units\" fill=\"#f4f1ea\" stroke=\"#8a8170\" stroke-width=\"0.6\">");
        foreach (var u in units.OrderBy(u => u.Level))
        {
            map.Path(svg, u.Boundary, $"unit {DomainNames.Of(u.Level)}", u.Name);
        }

        svg.Append("</g><g class=\"circles\" fill=\"#2b8cbe\" fill-opacity=\"0.25\" stroke=\"#2b8cbe\" stroke-width=\"0.8\">");
        foreach (var s in report.Stations.Where(s => s.Circle is not null))
        {
            map.Path(svg, s.Circle!, "circle", s.Name);
        }

        svg.Append("</g><g class=\"gaps\" fill=\"#e34a33\" fill-opacity=\"0.45\" stroke=\"#b30000\" stroke-width=\"0.8\">");
        foreach (var g in report.Gaps.Where(g => g.Outline is not null))
        {
            map.Path(svg, g.Outline!, "gap", g.Id);
        }

        svg.Append("</g><g class=\"stations\">");
        var byId = region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var s in report.Stations)
        {
            if (byId.TryGetValue(s.Id, out var station))
            {
                var (x, y) = map.Xy(station.Location.Lon, station.Location.Lat);
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"station\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{(s.Status == "operating" ? "#08519c" : "#969696")}\" stroke=\"#fff\"><title>{WebUtility.HtmlEncode(s.Name)}</title></circle>");
            }
        }

        svg.Append("</g>");
        map.ScaleBar(svg);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private (double X, double Y) Xy(double lon, double lat)
    {
        var p = _projection.Project(new GeoPoint(lon, lat));
        return (Margin + (p.X - _minX) * _scale, Margin + (_maxY - p.Y) * _scale);
    }

    private void Path(StringBuilder svg, Geometry geometry, string cssClass, string title)
    {
        var d = new StringBuilder();
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                Ring(d, polygon.ExteriorRing);
                foreach (var hole in polygon.InteriorRings)
                {
                    Ring(d, hole);
                }
            }
        }

        if (d.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{cssClass}\" fill-rule=\"evenodd\" d=\"{d}\"><title>{WebUtility.HtmlEncode(title)}</title></path>");
        }
    }

    private void Ring(StringBuilder d, LineString ring)
    {
        var coords = ring.Coordinates;
        for (int i = 0; i < coords.Length; i++)
        {
            var (x, y) = Xy(coords[i].X, coords[i].Y);
            d.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
        }

        d.Append('Z');
    }

    private void ScaleBar(StringBuilder svg)
    {
        double metres = Math.Pow(10, Math.Floor(Math.Log10(200 / _scale)));
        double px = metres * _scale;
        string label = metres >= 1000 ? $"{metres / 1000:0.#} km" : $"{metres:0} m";
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"scale\"><line x1=\"{Margin}\" y1=\"{Height - 6}\" x2=\"{Margin + px:0.#}\" y2=\"{Height - 6}\" stroke=\"#000\" stroke-width=\"2\"/><text x=\"{Margin}\" y=\"{Height - 10}\" font-size=\"10\">{label}</text></g>");
    }
}
