using Planner.Core.Geo;

namespace Planner.Core.Visits;

/// <summary>
/// One person in difficulty with a file (一人一档) and a home-visit rhythm: where they live (a point, or only the
/// unit their address matched), the category of their file, how often and how long a social worker visits, and
/// optionally the station or worker that keeps the file and the hours of the day a visit may start.
/// Personal data: a case's id and location are shown only to planners and admins who see its unit.
/// </summary>
/// <param name="Id">The case id (the file number); unique within a case table.</param>
/// <param name="Location">Home, WGS84 longitude/latitude; null when only <paramref name="UnitCode"/> is known (the unit's interior point is used).</param>
/// <param name="UnitCode">The unit (village, community or grid) the case belongs to, or null (found from the location).</param>
/// <param name="Category">The file's category, one of <see cref="CaseCategories.Known"/>.</param>
/// <param name="VisitsPerMonth">Visits the file asks for each month (at least 1).</param>
/// <param name="MinutesPerVisit">Minutes spent at the home per visit.</param>
/// <param name="StationId">The station keeping the file, or null (the nearest station by travel time).</param>
/// <param name="WorkerId">The social worker keeping the file (<c>STATION-k</c>, the k-th worker of the station), or null.</param>
/// <param name="Window">The hours of the day a visit may start, or null (any time of the working day).</param>
/// <param name="Kind">What a visit is (matched against volunteer team skills); the category when not given.</param>
public sealed record VisitCase(
    string Id,
    GeoPoint? Location,
    string? UnitCode,
    string Category,
    int VisitsPerMonth,
    double MinutesPerVisit,
    string? StationId = null,
    string? WorkerId = null,
    VisitWindow? Window = null,
    string? Kind = null)
{
    /// <summary>The visit kind matched against volunteer skills: <see cref="Kind"/>, else the category.</summary>
    public string VisitKind => string.IsNullOrWhiteSpace(Kind) ? Category : Kind;
}
