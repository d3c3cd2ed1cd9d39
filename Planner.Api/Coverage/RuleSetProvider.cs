using Microsoft.Extensions.Options;
using Planner.Api.Options;
using Planner.Api.Regions;
using Planner.Core.Standards;

namespace Planner.Api.Coverage;

/// <summary>The standards rule set the reports check: <c>standards/default.json</c> in the data folder, read once.</summary>
internal sealed class RuleSetProvider(IOptions<PlannerOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<RuleSet?> _rules = new(() =>
    {
        var path = Path.Combine(DataFolder.Resolve(options.Value, environment), "standards", "default.json");
        return File.Exists(path) ? RuleSet.Load(path) : null;
    });

    /// <summary>The default rule set, or null when the data folder has none.</summary>
    public RuleSet? Default => _rules.Value;
}
