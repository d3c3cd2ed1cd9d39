using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Planner.Api.Tests;

/// <summary><c>POST .../reports</c>: a signed link that downloads without an API key, until it expires or is changed.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReportLinkTests(ApiFixture api)
{
    [Fact]
    public async Task Link_OpenedWithoutAKey_DownloadsTheSameReportAsTheKey()
    {
        using var viewer = api.Client("viewer", "tiny");
        var link = await CreateAsync(viewer, "/regions/tiny/reports?f=xlsx", HttpStatusCode.Created);
        Assert.InRange(link.GetProperty("expires").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.1));

        using var browser = api.Factory.CreateClient();
        var response = await browser.GetAsync(link.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var viaLink = await response.Content.ReadAsByteArrayAsync();
        var viaKey = await viewer.GetByteArrayAsync("/regions/tiny/coverage?f=xlsx");
        Assert.Equal("PK"u8.ToArray(), viaLink[..2]);
        Assert.Equal(viaKey.Length, viaLink.Length, (double)viaKey.Length * 0.01); // same workbook; zip timestamps may differ
        await Problems.AssertProblem(await browser.GetAsync("/regions/tiny/coverage?f=xlsx"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("f=xlsx", "f=docx", "sig")]
    [InlineData("exp=", "exp=9", "sig")]
    [InlineData("/regions/tiny/", "/regions/synth/", "sig")]
    public async Task Link_Changed_Is403NamingTheParameter(string part, string replacement, string field)
    {
        using var viewer = api.Client("viewer", "tiny");
        var url = (await CreateAsync(viewer, "/regions/tiny/reports?f=xlsx", HttpStatusCode.Created)).GetProperty("url").GetString()!;
        Assert.Contains(part, url, StringComparison.Ordinal);
        using var browser = api.Factory.CreateClient();
        await Problems.AssertProblem(await browser.GetAsync(url.Replace(part, replacement, StringComparison.Ordinal)), HttpStatusCode.Forbidden, field);
        await Problems.AssertProblem(await browser.GetAsync(url[..url.IndexOf("&sig=", StringComparison.Ordinal)]), HttpStatusCode.Forbidden, "sig");
    }

    [Fact]
    public async Task Link_AfterTenMinutes_Is403NamingExp()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = api.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var viewer = host.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", api.Keys["viewer:tiny"]);
        var url = (await CreateAsync(viewer, "/regions/tiny/reports?f=html", HttpStatusCode.Created)).GetProperty("url").GetString()!;
        using var browser = host.CreateClient();
        clock.Now += TimeSpan.FromMinutes(9.9);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
        clock.Now += TimeSpan.FromMinutes(0.2);
        await Problems.AssertProblem(await browser.GetAsync(url), HttpStatusCode.Forbidden, "exp");
    }

    [Fact]
    public async Task Link_LargeRegion_IsRenderedByAJobAndThenDownloads()
    {
        await using var host = api.Factory.WithWebHostBuilder(b => b.UseSetting("Planner:ReportJobPoints", "0"));
        using var viewer = host.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", api.Keys["viewer:tiny"]);
        var link = await CreateAsync(viewer, "/regions/tiny/reports?f=pdf", HttpStatusCode.Accepted);
        Assert.Contains("/jobs/", link.GetProperty("job").GetString(), StringComparison.Ordinal);

        using var browser = host.CreateClient();
        var url = link.GetProperty("url").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage response;
        while ((response = await browser.GetAsync(url)).StatusCode == HttpStatusCode.Accepted && DateTime.UtcNow < deadline)
        {
            var state = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(state.GetProperty("status").GetString(), new[] { "queued", "running", "succeeded" });
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..4]);
        using var other = host.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", api.Keys["viewer:synth"]);
        await Problems.AssertProblem(await other.GetAsync(new Uri(url).AbsolutePath), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Link_BadFormat_Is400NamingF()
    {
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.PostAsync("/regions/tiny/reports?f=odt", null), HttpStatusCode.BadRequest, "f");
        await Problems.AssertProblem(await viewer.GetAsync("/regions/tiny/coverage?f=html&lang=fr"), HttpStatusCode.BadRequest, "lang");
    }

    /// <summary>A browser opening the link sends its own Accept-Language; the link keeps the language of the page that asked.</summary>
    [Fact]
    public async Task Link_KeepsTheAskersLanguage()
    {
        using var viewer = api.Client("viewer", "tiny");
        viewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var url = (await CreateAsync(viewer, "/regions/tiny/reports?f=html", HttpStatusCode.Created)).GetProperty("url").GetString()!;
        using var browser = api.Factory.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await browser.GetStringAsync(url);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.PostAsync(path, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A clock the test moves forward.</summary>
    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
