namespace Planner.Core.Siting;

/// <summary>
/// A request prepared over a matrix for both solvers: objective weights, target counts, which sites are
/// locked, forced or allowed, the township-floor groups and the deterministic tie-break rank of every site.
/// </summary>
internal sealed class SitingInstance
{
    public SitingInstance(CoverageMatrix matrix, SitingRequest request)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(request);
        Matrix = matrix;
        Request = request;
        var weights = request.Weights ?? GroupWeights.Single(matrix.Groups);
        if (!weights.Groups.Equals(matrix.Groups))
        {
            throw new ArgumentException($"The weights refer to groups {weights.Groups}, the matrix has {matrix.Groups}.", nameof(request));
        }

        Weight = matrix.Weights(weights);
        int target = TargetGroupIndex(matrix, request.TargetGroup);
        TargetCount = [.. matrix.Demand.Select(d => d.Counts[target])];
        TargetGroupName = matrix.Groups.Names[target];
        if (request.Model != SitingModel.Lscp && request.P < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.P, "p must be zero or more.");
        }

        if (request.Model == SitingModel.Lscp && !(request.TargetShare is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.TargetShare, "The target share must be in (0, 1].");
        }

        int n = matrix.Sites.Length;
        Existing = [.. matrix.Sites.Select(s => s.Role == SiteRole.Existing)];
        Forced = [.. matrix.Sites.Select(s => s.Role == SiteRole.Forced)];
        Allowed = [.. matrix.Sites.Select(s => s.IsSelectable)];
        Cost = [.. matrix.Sites.Select(s => s.Cost)];
        var order = Enumerable.Range(0, n).OrderBy(j => matrix.Sites[j].Id, StringComparer.Ordinal).ToArray();
        Rank = new int[n];
        for (int r = 0; r < n; r++)
        {
            Rank[order[r]] = r;
        }

        Township = new int[n];
        Array.Fill(Township, -1);
        if (request.TownshipFloor)
        {
            var codes = matrix.Sites.Where(s => s.IsSelectable && s.TownshipCode is not null)
                .Select(s => s.TownshipCode!)
                .Where(code => !matrix.Sites.Any(e => e.Role == SiteRole.Existing && e.TownshipCode == code))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            FloorTownships = codes;
            for (int j = 0; j < n; j++)
            {
                if (Allowed[j] && matrix.Sites[j].TownshipCode is { } code)
                {
                    Township[j] = Array.IndexOf(codes, code);
                }
            }
        }

        double maxCost = 0;
        for (int j = 0; j < n; j++)
        {
            foreach (double c in matrix.CostsOf(j))
            {
                maxCost = Math.Max(maxCost, c);
            }
        }

        UnreachedCost = request.UnreachedCost ?? Math.Max(2 * maxCost, 1);
        Tolerance = 1e-9 * Math.Max(1, Weight.Sum());
    }

    public CoverageMatrix Matrix { get; }

    public SitingRequest Request { get; }

    /// <summary>Objective weight per demand item.</summary>
    public double[] Weight { get; }

    /// <summary>People of the LSCP target group per demand item.</summary>
    public double[] TargetCount { get; }

    public string TargetGroupName { get; }

    public bool[] Existing { get; }

    public bool[] Forced { get; }

    /// <summary>Sites the solver may open (candidates and forced).</summary>
    public bool[] Allowed { get; }

    public double[] Cost { get; }

    /// <summary>Ordinal rank of each site id: ties go to the lower rank.</summary>
    public int[] Rank { get; }

    /// <summary>Township codes that need an opened site (have a candidate, no existing station), ordinal order.</summary>
    public string[] FloorTownships { get; } = [];

    /// <summary>Index into <see cref="FloorTownships"/> per site, or -1.</summary>
    public int[] Township { get; }

    public double UnreachedCost { get; }

    /// <summary>Absolute tolerance for comparing objective values.</summary>
    public double Tolerance { get; }

    public int SiteCount => Matrix.Sites.Length;

    public int DemandCount => Matrix.Demand.Length;

    public int P => Request.P;

    public double Budget => Request.Budget ?? double.PositiveInfinity;

    /// <summary>LSCP: people of the target group that must be covered.</summary>
    public double TargetPeople => Request.TargetShare * TargetCount.Sum();

    /// <summary>True when <paramref name="a"/> beats <paramref name="b"/> for a maximisation, ties going to the lower rank.</summary>
    public bool Better(double a, int siteA, double b, int siteB) =>
        a > b + Tolerance || (Math.Abs(a - b) <= Tolerance && (siteB < 0 || Rank[siteA] < Rank[siteB]));

    private static int TargetGroupIndex(CoverageMatrix matrix, string? group)
    {
        if (group is null)
        {
            return Math.Max(0, matrix.Groups.IndexOf(Model.PopulationGroups.Total));
        }

        int g = matrix.Groups.IndexOf(group);
        return g >= 0 ? g : throw new ArgumentException($"Unknown target group '{group}'; groups are {matrix.Groups}.", nameof(group));
    }
}
