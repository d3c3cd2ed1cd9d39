using System.Text;
using Planner.Core.Import;
using Planner.Core.Import.Tables;

namespace Planner.Core.Tests.Import.Tables;

public class TableReaderTests
{
    private const string Csv = "编号,站点名称,经度,纬度\nS1,花园街道社工站,117.2376554,28.2935596\nS2,雄石街道社工站,117.2051383,28.2837018\n";

    [Fact]
    public void Read_GbkCsvMadeByIconv_DetectsGb18030AndKeepsTheChinese()
    {
        var dir = TestFiles.TempFolder();
        File.WriteAllText(Path.Combine(dir, "utf8.csv"), Csv, new UTF8Encoding(false));
        TestFiles.Iconv(Path.Combine(dir, "utf8.csv"), Path.Combine(dir, "gbk.csv"), "GBK");

        var table = TableReader.Read(Path.Combine(dir, "gbk.csv"));

        Assert.Equal("gb18030", table.Encoding);
        Assert.Equal(["编号", "站点名称", "经度", "纬度"], table.Headers.ToArray());
        Assert.Equal("雄石街道社工站", table.Rows[1]["站点名称"]);
        Assert.Equal(3, table.Rows[1].Number);
    }

    [Theory]
    [InlineData(true, "utf-8 (BOM)")]
    [InlineData(false, "utf-8")]
    public void Read_Utf8CsvWithOrWithoutBom_ReadsUtf8(bool bom, string expected)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "t.csv");
        File.WriteAllText(path, Csv, new UTF8Encoding(bom));

        var table = TableReader.Read(path);

        Assert.Equal(expected, table.Encoding);
        Assert.Equal("编号", table.Headers[0]);
        Assert.Equal("花园街道社工站", table.Rows[0]["站点名称"]);
    }

    [Fact]
    public void Read_XlsxWrittenByOpenXml_ReadsHeadersNumbersAndRowNumbers()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "t.xlsx");
        TestFiles.WriteXlsx(path, ["编号", "站点名称", "经度", "纬度"], [["S1", "花园街道社工站", "117.2376554", "28.2935596"], ["S2", "雄石街道社工站", "117.2051383", "28.2837018"]]);

        var table = TableReader.Read(path);

        Assert.Equal(["编号", "站点名称", "经度", "纬度"], table.Headers.ToArray());
        Assert.Equal(2, table.Rows.Length);
        Assert.Equal("117.2051383", table.Rows[1]["经度"]);
        Assert.Equal(3, table.Rows[1].Number);
    }

    [Fact]
    public void Read_UnknownEncoding_NamesTheOption()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "t.csv");
        File.WriteAllText(path, Csv);

        var ex = Assert.Throws<ImportException>(() => TableReader.Read(path, "latin-9"));

        Assert.Contains("--encoding: unknown encoding 'latin-9'", ex.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GbkCsvWithEncodingForced_ReadsGbk()
    {
        var dir = TestFiles.TempFolder();
        File.WriteAllText(Path.Combine(dir, "utf8.csv"), Csv, new UTF8Encoding(false));
        TestFiles.Iconv(Path.Combine(dir, "utf8.csv"), Path.Combine(dir, "gbk.csv"), "GBK");

        var table = TableReader.Read(Path.Combine(dir, "gbk.csv"), "gbk");

        Assert.Equal("gbk", table.Encoding);
        Assert.Equal("花园街道社工站", table.Rows[0]["站点名称"]);
    }
}
