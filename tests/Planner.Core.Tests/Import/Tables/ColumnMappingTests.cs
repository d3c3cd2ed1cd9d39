using Planner.Core.Import;
using Planner.Core.Import.Tables;

namespace Planner.Core.Tests.Import.Tables;

public class ColumnMappingTests
{
    [Fact]
    public void Parse_Pairs_KeepTheOrderGiven()
    {
        var mapping = ColumnMapping.Parse("name=村名,total=常住人口,elderly=60岁及以上,children=0-14岁,disabled=残疾人");

        Assert.Equal(["name", "total", "elderly", "children", "disabled"], mapping.GivenFields.ToArray());
    }

    [Fact]
    public void Parse_JsonFile_FindsTheHeaders()
    {
        var dir = TestFiles.TempFolder();
        var json = Path.Combine(dir, "columns.json");
        File.WriteAllText(json, """{"lon": "X坐标", "lat": "Y坐标"}""");
        var csv = Path.Combine(dir, "t.csv");
        File.WriteAllLines(csv, ["站名,X坐标,Y坐标", "a,117.2,28.3"]);
        var table = TableReader.Read(csv);

        var mapping = ColumnMapping.Parse(json);

        Assert.Equal("X坐标", mapping.Find(table, "lon", ["lon"], out _));
        Assert.Equal("Y坐标", mapping.Find(table, "lat", ["lat"], out _));
    }

    [Fact]
    public void Find_GivenHeaderAbsent_ErrorListsTheHeaders()
    {
        var csv = Path.Combine(TestFiles.TempFolder(), "t.csv");
        File.WriteAllLines(csv, ["站名,经度", "a,117.2"]);

        Assert.Null(ColumnMapping.Parse("lon=东经").Find(TableReader.Read(csv), "lon", ["lon"], out var error));
        Assert.Equal("column '东经' given for lon is not in the header (站名, 经度)", error);
    }

    [Fact]
    public void Parse_PairWithoutEquals_NamesTheOption()
    {
        var ex = Assert.Throws<ImportException>(() => ColumnMapping.Parse("lon=经度,纬度"));
        Assert.Equal("--columns: '纬度' is not field=header", ex.Problems[0]);
    }
}
