namespace Planner.Core.Validation;

/// <summary>One problem found in a region, naming the layer, the feature, the field and the reason.</summary>
/// <param name="Layer">Layer concerned (<see cref="Model.RegionLayer"/>: <c>units</c>, <c>stations</c>, ...); a region
/// folder names its file instead when it reports the problem (<c>RegionFiles.Describe</c> in Planner.Core.IO).</param>
/// <param name="FeatureId">Id of the feature or row (or <c>#3</c>, the 1-based position, when it has none).</param>
/// <param name="Field">Property or column concerned, or <c>geometry</c>; empty for the whole layer.</param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record ValidationProblem(string Layer, string FeatureId, string Field, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>The problem in words, naming the layer.</summary>
    public override string ToString() => Describe(Layer);

    /// <summary>The problem in words, naming <paramref name="place"/> (a layer, a file) where it was found.</summary>
    public string Describe(string place)
    {
        var where = string.IsNullOrEmpty(FeatureId) ? place : $"{place} feature {FeatureId}";
        var field = string.IsNullOrEmpty(Field) ? string.Empty : $" field '{Field}'";
        var kind = Severity == ProblemSeverity.Warning ? "warning: " : string.Empty;
        return $"{where}{field}: {kind}{Message}";
    }
}
