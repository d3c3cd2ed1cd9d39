using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace Planner.Api.Tests;

/// <summary><c>GET /regions/{r}/coverage?f=docx|pdf|xlsx|gpkg|shp</c>: downloads with the right media types, the same shares as the JSON report.</summary>
[Collection(GuixiCollection.Name)]
public sealed class OfficialReportTests(GuixiApiFixture api)
{
    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    [InlineData("shp", "application/zip", "PK")]
    [InlineData("pdf", "application/pdf", "%PDF")]
    [InlineData("gpkg", "application/geopackage+sqlite3", "SQLite format 3")]
    public async Task Report_EachFileFormat_ComesWithItsMediaTypeAndAFileName(string format, string mediaType, string magic)
    {
        using var client = api.Client("viewer", "guixi");
        var response = await client.GetAsync($"/regions/guixi/coverage?f={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(format == "shp" ? ".zip" : "." + format, response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(bytes[..magic.Length]));
    }

    [Fact]
    public async Task Report_AcceptHeader_AsksForPdf()
    {
        using var client = api.Client("viewer", "guixi");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/regions/guixi/coverage");
        request.Headers.Accept.ParseAdd("application/pdf");
        var response = await client.SendAsync(request);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The shapefile's units layer holds every unit's name (GBK) of the JSON report; a township key gets only its township.</summary>
    [Fact]
    public async Task Report_TownshipKeyShapefile_HoldsOnlyItsUnitsInGbk()
    {
        using var client = api.Client("viewer", "huayuan");
        var json = await client.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");
        var names = json.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("level").GetString() is "township" or "village")
            .Select(u => u.GetProperty("name").GetString()!).ToList();
        Assert.Contains("花园街道", names);
        Assert.DoesNotContain("雄石街道", names);

        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/regions/guixi/coverage?f=shp")));
        using var dbf = new MemoryStream();
        await zip.GetEntry("units.dbf")!.Open().CopyToAsync(dbf);
        var text = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetString(dbf.ToArray());
        Assert.All(names, n => Assert.Contains(n, text, StringComparison.Ordinal));
        Assert.DoesNotContain("雄石街道", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownFormat_IsAProblemNamingF()
    {
        using var client = api.Client("viewer", "guixi");
        var response = await client.GetAsync("/regions/guixi/coverage?f=odt");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("docx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
