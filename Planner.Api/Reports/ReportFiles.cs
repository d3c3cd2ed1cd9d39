using Planner.Api.Jobs;

namespace Planner.Api.Reports;

/// <summary>A rendered report file.</summary>
/// <param name="Bytes">The file.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">Download name, or null to show it inline (HTML).</param>
internal sealed record RenderedReport(byte[] Bytes, string ContentType, string? FileName);

/// <summary>
/// Reports rendered by jobs (<c>POST .../reports</c> for a large region), kept in memory by link id until a
/// signed link fetches them: the newest <see cref="Capacity"/> only, so a burst of large reports cannot fill
/// the memory. Per process, like <see cref="JobQueue"/>; a shared job engine would keep them in its storage.
/// </summary>
internal sealed class ReportFiles
{
    /// <summary>How many files are kept.</summary>
    public const int Capacity = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Job Job, RenderedReport? File)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Remembers the job that renders link <paramref name="id"/>.</summary>
    public void Started(string id, Job job)
    {
        lock (_gate)
        {
            _entries[id] = (job, null);
            _order.Enqueue(id);
            while (_order.Count > Capacity)
            {
                _entries.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>Keeps the file the job rendered (dropped if the link was evicted meanwhile).</summary>
    public void Finished(string id, RenderedReport file)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(id, out var entry))
            {
                _entries[id] = (entry.Job, file);
            }
        }
    }

    /// <summary>The job and, once rendered, the file of link <paramref name="id"/>; null when unknown or evicted.</summary>
    public (Job Job, RenderedReport? File)? Find(string id)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(id, out var entry) ? entry : null;
        }
    }
}
