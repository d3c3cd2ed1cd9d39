namespace Planner.Core.Validation;

/// <summary>One problem found in a region's files, naming the file, the feature, the field and the reason.</summary>
/// <param name="File">File name inside the region folder (e.g. <c>units.geojson</c>).</param>
/// <param name="FeatureId">Id of the feature or row (or <c>#3</c>, the 1-based position, when it has none).</param>
/// <param name="Field">Property or column concerned, or <c>geometry</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record ValidationProblem(string File, string FeatureId, string Field, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = string.IsNullOrEmpty(FeatureId) ? File : $"{File} feature {FeatureId}";
        var field = string.IsNullOrEmpty(Field) ? string.Empty : $" field '{Field}'";
        var kind = Severity == ProblemSeverity.Warning ? "warning: " : string.Empty;
        return $"{where}{field}: {kind}{Message}";
    }
}
