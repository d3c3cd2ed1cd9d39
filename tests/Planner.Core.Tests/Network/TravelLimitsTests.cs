using Planner.Core.Coverage;
using Planner.Core.Network;

namespace Planner.Core.Tests.Network;

public sealed class TravelLimitsTests
{
    [Fact]
    public void Limits_AreTheDocumentedValues()
    {
        Assert.Equal(new ValueRange(0, 240, MinExclusive: true), TravelLimits.Minutes);
        Assert.Equal(new ValueRange(0, 120, MinExclusive: true), TravelLimits.SpeedKmh);
        Assert.Equal(["walk", "ebike", "drive"], TravelLimits.Modes);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1e-9, true)]
    [InlineData(240, true)]
    [InlineData(240.000001, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(-5, false)]
    public void Minutes_Contains_ExcludesZeroIncludesMax(double minutes, bool accepted) =>
        Assert.Equal(accepted, TravelLimits.Minutes.Contains(minutes));

    [Fact]
    public void ValueRange_ClosedRange_IncludesMin()
    {
        var range = new ValueRange(0, 10, MinExclusive: false);
        Assert.True(range.Contains(0));
        Assert.Equal("from 0 to 10 people", range.Describe("people"));
        Assert.Equal("more than 0 and at most 120 km/h", TravelLimits.SpeedKmh.Describe("km/h"));
    }

    [Fact]
    public void CoverageOptions_RefuseJustAboveTheLimitsAndAcceptThem()
    {
        Assert.Empty(new CoverageOptions { Minutes = TravelLimits.MaxMinutes, SpeedKmh = TravelLimits.MaxSpeedKmh, Mode = "drive" }.Problems());
        var problems = new CoverageOptions { Minutes = TravelLimits.MaxMinutes + 1, SpeedKmh = TravelLimits.MaxSpeedKmh + 1, Mode = "boat" }.Problems();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("minutes: 241 is out of range", problems[0]);
        Assert.StartsWith("speed: 121 km/h is out of range", problems[1]);
        Assert.StartsWith("mode 'boat' is unknown", problems[2]);
    }
}
