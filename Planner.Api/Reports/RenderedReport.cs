namespace Planner.Api.Reports;

/// <summary>A rendered report file.</summary>
/// <param name="Bytes">The file.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">Download name, or null to show it inline (HTML).</param>
internal sealed record RenderedReport(byte[] Bytes, string ContentType, string? FileName);
