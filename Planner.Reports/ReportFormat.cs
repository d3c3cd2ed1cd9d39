namespace Planner.Reports;

/// <summary>A file format a report is written in, with its file extension and media type.</summary>
/// <param name="Name">The name asked for (<c>--format</c>, <c>?f=</c>).</param>
/// <param name="Extension">File extension with its dot.</param>
/// <param name="ContentType">Media type of the bytes.</param>
public sealed record ReportFormat(string Name, string Extension, string ContentType)
{
    /// <summary>Word.</summary>
    public static readonly ReportFormat Docx = new("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /// <summary>PDF.</summary>
    public static readonly ReportFormat Pdf = new("pdf", ".pdf", "application/pdf");

    /// <summary>Excel.</summary>
    public static readonly ReportFormat Xlsx = new("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /// <summary>GeoPackage.</summary>
    public static readonly ReportFormat GeoPackage = new("gpkg", ".gpkg", "application/geopackage+sqlite3");

    /// <summary>Zipped Shapefile sets.</summary>
    public static readonly ReportFormat Shapefile = new("shp", ".zip", "application/zip");

    /// <summary>Printable HTML page.</summary>
    public static readonly ReportFormat Html = new("html", ".html", "text/html; charset=utf-8");

    /// <summary>Every format, in the order help texts list them.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } = [Docx, Pdf, Xlsx, GeoPackage, Shapefile, Html];

    /// <summary>The format of that name (case-insensitive), or null.</summary>
    public static ReportFormat? Find(string? name) => All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
