using Planner.Core.Visits;

namespace Planner.Core.Tests.Visits;

public sealed class CaseTableReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "cases.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Read_GoodRows_ParsesEveryField()
    {
        var path = Write("id,lon,lat,unit,category,visits_per_month,minutes_per_visit,station,worker,window,kind\n"
            + "C1,117.21,28.29,,elderly_alone,4,30,S1,S1-2,14:00-17:00,companionship\n"
            + "C2,,,360681001001,left_behind_child,2,45,,,,\n");

        var (cases, problems) = CaseTableReader.Read(path);

        Assert.Empty(problems);
        Assert.Equal(2, cases.Length);
        Assert.Equal(new VisitCase("C1", new Planner.Core.Geo.GeoPoint(117.21, 28.29), null, "elderly_alone", 4, 30, "S1", "S1-2", new VisitWindow(840, 1020), "companionship"), cases[0]);
        Assert.Null(cases[1].Location);
        Assert.Equal("360681001001", cases[1].UnitCode);
        Assert.Equal("left_behind_child", cases[1].VisitKind);
    }

    [Fact]
    public void Read_BadRows_OneProblemPerFieldNamingRowAndColumn()
    {
        var path = Write("id,lon,lat,unit,category,visits_per_month,minutes_per_visit,window\n"
            + "C1,117.21,28.29,,elderly,4,30,\n"
            + "C2,abc,28.29,,orphan_de_facto,0,30,\n"
            + "C3,,,,severe_disability,2,-5,25:00-26:00\n"
            + "C4,117.2,28.3,,low_income,2,30,\n"
            + "C4,117.2,28.3,,low_income,2,30,\n");

        var (cases, problems) = CaseTableReader.Read(path);

        Assert.Equal(["C4"], cases.Select(c => c.Id));
        Assert.Equal(
            [
                "cases.csv: row 2: category", "cases.csv: row 3: lon", "cases.csv: row 3: visits_per_month",
                "cases.csv: row 4: lon", "cases.csv: row 4: minutes_per_visit", "cases.csv: row 4: window", "cases.csv: row 6: id",
            ],
            problems.Select(p => $"{p.File}: {p.Row}: {p.Column}"));
        Assert.Contains("elderly_alone", problems[0].Reason);
    }

    [Fact]
    public void Read_MissingColumns_OneHeaderProblem()
    {
        var path = Write("id,category\nC1,other\n");

        var (cases, problems) = CaseTableReader.Read(path);

        Assert.Empty(cases);
        var p = Assert.Single(problems);
        Assert.Equal("header", p.Row);
        Assert.Contains("visits_per_month", p.Column);
        Assert.Contains("lon/lat or unit", p.Column);
    }
}
