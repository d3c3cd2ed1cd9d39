using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Planner.Api.Options;
using Planner.Api.Regions;

namespace Planner.Api.Jobs.Batches;

/// <summary>A batch's progress and every county's outcome so far.</summary>
/// <param name="Id">Batch id.</param>
/// <param name="Created">Created at.</param>
/// <param name="Parameters">What each county computes.</param>
/// <param name="Counties">Counties in the batch.</param>
/// <param name="Done">Counties computed.</param>
/// <param name="Failed">Counties that failed (with their problems).</param>
/// <param name="Left">Counties still queued or running.</param>
/// <param name="Status">running while any is left, else finished.</param>
/// <param name="Results">Every county, by division code.</param>
public sealed record BatchReport(string Id, DateTimeOffset Created, BatchParameters Parameters, int Counties, int Done, int Failed, int Left, string Status,
    IReadOnlyList<CountyOutcome> Results);

/// <summary>
/// Batches over many counties: one Hangfire job per county (<see cref="BatchRunner"/>) on the shared queue, the
/// batch and each county's result in PostGIS (<see cref="BatchStore"/>). Needs <c>Planner:Store=postgis</c>.
/// </summary>
internal sealed class BatchService(IRegionCatalog catalog, IBackgroundJobClient client, IOptions<PlannerOptions> options, TimeProvider clock) : IAsyncDisposable
{
    private readonly Lazy<BatchStore> _store = new(() => new BatchStore(options.Value.PostGis!));

    /// <summary>True when the store is PostGIS, which batches need.</summary>
    public bool IsAvailable => options.Value.Store.Equals("postgis", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(options.Value.PostGis);

    /// <summary>The PostGIS tables of batches and results.</summary>
    public BatchStore Store => IsAvailable ? _store.Value : throw new InvalidOperationException("batches need Planner:Store=postgis");

    /// <summary>
    /// Queues one county job per region the selection names within <paramref name="scope"/>: every region
    /// (<paramref name="all"/>), or <paramref name="regions"/>, a comma-separated list of keys, division codes
    /// and code prefixes ending in <c>*</c> (<c>36*</c>: every county of Jiangxi). Returns the batch, or the problem
    /// (field and message) when the selection names nothing.
    /// </summary>
    public async Task<(BatchHeader? Batch, int Counties, (string Field, string Message)? Problem)> CreateAsync(
        string scope, string? regions, bool all, BatchParameters parameters, CancellationToken cancellationToken)
    {
        if (all == (regions is not null))
        {
            return (null, 0, ("regions", "give either a region selection (keys, codes or a code prefix such as 36*) or all, not both and not neither."));
        }

        var visible = (await catalog.ListAsync(cancellationToken).ConfigureAwait(false)).Where(e => e.Code.StartsWith(scope, StringComparison.Ordinal)).ToList();
        var chosen = all ? visible : Select(visible, regions!);
        if (chosen.Count == 0)
        {
            return (null, 0, ("regions", all ? "no region is stored in your scope." : $"'{regions}' names no region in your scope."));
        }

        var batch = new BatchHeader(Guid.NewGuid().ToString("n"), clock.GetUtcNow(), scope, parameters);
        await Store.CreateAsync(batch, [.. chosen.Select(e => (e.Name, e.Code, e.Version))], cancellationToken).ConfigureAwait(false);
        var key = parameters.Key;
        foreach (var entry in chosen)
        {
            client.Create<BatchRunner>(r => r.RunCountyAsync(batch.Id, entry.Name, entry.Version, key, CancellationToken.None), new EnqueuedState());
        }

        return (batch, chosen.Count, null);
    }

    /// <summary>The batch's progress and outcomes, or null when there is no such batch or <paramref name="scope"/> does not cover it.</summary>
    public async Task<BatchReport?> ReportAsync(string id, string scope, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64 || await Store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } batch
            || !batch.Scope.StartsWith(scope, StringComparison.Ordinal))
        {
            return null;
        }

        var counties = await Store.CountiesAsync(id, cancellationToken).ConfigureAwait(false);
        int done = counties.Count(c => c.Status == JobStatus.Succeeded), failed = counties.Count(c => c.Status == JobStatus.Failed);
        int left = counties.Count - done - failed;
        return new BatchReport(batch.Id, batch.Created, batch.Parameters, counties.Count, done, failed, left, left == 0 ? "finished" : "running", counties);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_store.IsValueCreated)
        {
            await _store.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static List<CatalogEntry> Select(IReadOnlyList<CatalogEntry> visible, string selection)
    {
        var tokens = selection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. visible.Where(e => tokens.Any(t => t.EndsWith('*')
            ? e.Code.StartsWith(t[..^1], StringComparison.Ordinal)
            : t == e.Name || t == e.Code)).OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }
}
