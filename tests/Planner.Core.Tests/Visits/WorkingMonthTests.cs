using Planner.Core.Visits;

namespace Planner.Core.Tests.Visits;

public class WorkingMonthTests
{
    [Fact]
    public void Days_March2027_HasTheTwentyThreeWeekdays()
    {
        // 1 March 2027 is a Monday: four full weeks (20) and Monday 29 to Wednesday 31.
        var month = new WorkingMonth(new DateOnly(2027, 3, 1), 0.4);

        Assert.Equal(23, month.Days.Length);
        Assert.Equal(new DateOnly(2027, 3, 1), month.Days[0]);
        Assert.Equal(new DateOnly(2027, 3, 31), month.Days[^1]);
    }

    [Fact]
    public void Days_HolidaysAndMakeUpDays_AreTakenOutAndPutIn()
    {
        var month = new WorkingMonth(new DateOnly(2027, 3, 1), 0, [new DateOnly(2027, 3, 1)], [new DateOnly(2027, 3, 6)]);

        Assert.Equal(23, month.Days.Length);
        Assert.DoesNotContain(new DateOnly(2027, 3, 1), month.Days);
        Assert.Contains(new DateOnly(2027, 3, 6), month.Days);
    }

    [Fact]
    public void Period_FourVisitsOverTwentyThreeDays_AreConsecutiveAndCoverTheMonth()
    {
        var month = new WorkingMonth(new DateOnly(2027, 3, 1), 0.4);

        var periods = Enumerable.Range(0, 4).Select(v => month.Period(v, 4)).ToArray();

        Assert.Equal([(0, 4), (5, 10), (11, 16), (17, 22)], periods);
    }

    [Fact]
    public void IsVisitingDay_DutyShareFortyPercent_GivesEachWorkerSixtyPercentAndStaggers()
    {
        var month = new WorkingMonth(new DateOnly(2027, 3, 1), 0.4);
        int days = month.Days.Length;

        var visiting = Enumerable.Range(0, 3).Select(w => Enumerable.Range(0, days).Where(d => month.IsVisitingDay(w, 3, d)).ToArray()).ToArray();

        Assert.All(visiting, v => Assert.InRange(v.Length, 13, 14));
        Assert.NotEqual(visiting[0], visiting[1]);
        Assert.True(Enumerable.Range(0, days).All(d => visiting.Count(v => v.Contains(d)) >= 1), "some worker visits every day");
    }
}
