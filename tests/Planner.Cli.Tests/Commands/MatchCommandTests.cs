using System.CommandLine;
using System.Text.Json;
using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

[Collection("Console")]
public sealed class MatchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("match").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Match_FileMode_MatchesAndRecommendsRecruitment()
    {
        File.WriteAllText(P("teams.csv"), "id,name,lon,lat,skills,weekly_hours\nt1,理发队,117.21,28.24,haircut;repair,4\n");
        File.WriteAllText(P("needs.csv"), "id,lon,lat,kind,hours\nn1,117.211,28.241,haircut,2\nn2,117.212,28.242,repair,3\nn3,117.30,28.30,tutoring,2\n");
        string outFile = P("out.json");

        int code = Run("match", "--teams", P("teams.csv"), "--needs", P("needs.csv"), "--limit-minutes", "20", "--out", outFile);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var root = json.RootElement;

        // 4 team hours for 5 needed within reach: n1 (nearer) gets its 2 hours, n2 the other 2 of 3; n3 has no
        // skilled team. Recruiting one team: n3's 2 unmet hours outweigh n2's 1, and they are 12 km apart.
        Assert.Equal(1, root.GetProperty("matched").GetInt32());
        Assert.Equal(4, root.GetProperty("assignments").EnumerateArray().Sum(a => a.GetProperty("hours").GetDouble()));
        var recruit = Assert.Single(root.GetProperty("recruit").EnumerateArray());
        Assert.Equal("need:n3", recruit.GetProperty("id").GetString());
        Assert.Equal(2, recruit.GetProperty("skills").GetProperty("tutoring").GetDouble());
        var n2 = root.GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "n2");
        Assert.Equal(2, n2.GetProperty("hoursServed").GetDouble());
    }

    [Fact]
    public void Match_BadNeeds_Exit2NamingRowAndField()
    {
        File.WriteAllText(P("teams.csv"), "id,lon,lat,skills,weekly_hours\nt1,117.21,28.24,haircut,4\n");
        File.WriteAllText(P("needs.csv"), "id,lon,lat,kind,hours\nn1,117.2,28.2,haircut,lots\n");

        Assert.Equal(2, Run("match", "--teams", P("teams.csv"), "--needs", P("needs.csv")));
    }

    private string P(string name) => Path.Combine(_dir, name);

    private static int Run(params string[] args) => PlannerCli.Run(args).Exit;
}
