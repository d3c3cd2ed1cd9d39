using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Siting;
using Planner.Core.Siting.Matching;
using Xunit;

namespace Planner.Core.Tests.Siting.Matching;

public sealed class VolunteerMatcherTests
{
    private static readonly string[] Kinds = ["haircut", "repair", "clinic"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Match_TinyRandomInstance_EqualsBruteForce(int seed)
    {
        var rng = new Random(seed);
        int teamCount = rng.Next(1, 4), needCount = rng.Next(1, 5);
        var teams = Enumerable.Range(0, teamCount).Select(t => new VolunteerTeam(
            $"t{t}", $"team {t}", default, 5, 5, [.. Kinds.Where(_ => rng.Next(2) == 0)], rng.Next(0, 4), null)).ToList();
        var needs = Enumerable.Range(0, needCount).Select(i => new Need($"n{i}", default, Kinds[rng.Next(Kinds.Length)], "elderly", rng.Next(1, 4), null)).ToList();
        var minutes = new double[teamCount, needCount];
        for (int t = 0; t < teamCount; t++)
        {
            for (int i = 0; i < needCount; i++)
            {
                minutes[t, i] = rng.Next(1, 40);
            }
        }

        var result = VolunteerMatcher.Match(teams, needs, new MatrixTravelTimes(minutes), new MatchingOptions { LimitMinutes = 30, HoursPerUnit = 1, NewTeams = 0 });

        var (served, cost) = BruteForce(teams, needs, minutes, 30);
        Assert.Equal(served, result.Needs.Sum(n => n.HoursServed), 9);
        Assert.Equal(cost, result.TravelMinutesTimesHours, 9);
        Assert.All(result.Assignments, a =>
        {
            var team = teams.Single(t => t.Id == a.TeamId);
            Assert.Contains(needs.Single(n => n.Id == a.NeedId).Kind, team.Skills);
            Assert.True(a.Minutes <= 30);
        });
        Assert.All(teams, t => Assert.True(result.Assignments.Where(a => a.TeamId == t.Id).Sum(a => a.Hours) <= t.WeeklyHours));
    }

    [Fact]
    public void Match_UnmetNeeds_RecruitmentCoversThemWithTheirSkills()
    {
        var near = new GeoPoint(117.0, 28.0);
        var far = new GeoPoint(117.2, 28.0);
        var teams = new[] { new VolunteerTeam("t1", "team", near, 10, 8, ["haircut"], 2, null) };
        var needs = new[]
        {
            new Need("a", near, "haircut", "elderly", 2, null),
            new Need("b", far, "repair", "elderly", 3, null),
            new Need("c", new GeoPoint(117.201, 28.0), "clinic", "disabled", 1, null),
            new Need("d", near, "repair", "elderly", 1, null),
        };

        var result = VolunteerMatcher.Match(teams, needs, new StraightLineTravelTimes(4.5, 1.3), new MatchingOptions { LimitMinutes = 20, NewTeams = 1 });

        Assert.Equal(1, result.MatchedCount);
        Assert.True(result.StraightLine);
        Assert.Equal("no team has the skill 'repair'", result.Needs.Single(n => n.NeedId == "b").Reason);
        var site = Assert.Single(result.Recruitment);
        Assert.Equal(["b", "c"], site.NeedIds.Order(StringComparer.Ordinal));
        Assert.Equal(3, site.Skills["repair"]);
        Assert.Equal(1, site.Skills["clinic"]);
    }

    /// <summary>Every integer split of every need's hours over teams (and unserved): most hours, then least hours x minutes.</summary>
    private static (double Served, double Cost) BruteForce(List<VolunteerTeam> teams, List<Need> needs, double[,] minutes, double limit)
    {
        var best = (Served: -1.0, Cost: 0.0);
        var left = teams.Select(t => (int)t.WeeklyHours).ToArray();
        void Recurse(int need, double served, double cost)
        {
            if (need == needs.Count)
            {
                if (served > best.Served || (served == best.Served && cost < best.Cost))
                {
                    best = (served, cost);
                }

                return;
            }

            var eligible = Enumerable.Range(0, teams.Count)
                .Where(t => teams[t].Skills.Contains(needs[need].Kind) && minutes[t, need] <= limit).ToArray();
            Split(need, eligible, 0, (int)needs[need].HoursPerWeek, served, cost);
        }

        void Split(int need, int[] eligible, int k, int remaining, double served, double cost)
        {
            if (k == eligible.Length || remaining == 0)
            {
                Recurse(need + 1, served, cost);
                return;
            }

            int t = eligible[k];
            for (int h = 0; h <= Math.Min(remaining, left[t]); h++)
            {
                left[t] -= h;
                Split(need, eligible, k + 1, remaining - h, served + h, cost + (h * minutes[t, need]));
                left[t] += h;
            }
        }

        Recurse(0, 0, 0);
        return best;
    }

    private sealed class MatrixTravelTimes(double[,] minutes) : ITravelTimeSource
    {
        public bool IsStraightLine => false;

        public IReadOnlyList<(int Origin, int Target, double Minutes)> Within(
            IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> targets, double limitMinutes, CancellationToken cancellationToken) =>
            [.. from o in Enumerable.Range(0, origins.Count) from t in Enumerable.Range(0, targets.Count) where minutes[o, t] <= limitMinutes select (o, t, minutes[o, t])];
    }
}
