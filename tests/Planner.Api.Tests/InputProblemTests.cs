using System.Text;

namespace Planner.Api.Tests;

/// <summary>Every bad input gets problem details naming the field and the reason, with a fitting status.</summary>
[Collection(ApiCollection.Name)]
public sealed class InputProblemTests(ApiFixture api)
{
    [Theory]
    [InlineData("/regions/tiny/coverage?minutes=abc", 400, "minutes")]
    [InlineData("/regions/tiny/coverage?minutes=0", 422, "minutes")]
    [InlineData("/regions/tiny/coverage?minutes=-5", 422, "minutes")]
    [InlineData("/regions/tiny/coverage?minutes=241", 422, "minutes")]
    [InlineData("/regions/tiny/coverage?minutes=NaN", 400, "minutes")]
    [InlineData("/regions/tiny/coverage?mode=boat", 422, "mode")]
    [InlineData("/regions/tiny/coverage?speed=fast", 400, "speed")]
    [InlineData("/regions/tiny/coverage?speed=0", 422, "speed")]
    [InlineData("/regions/tiny/coverage?speed=400", 422, "speed")]
    [InlineData("/regions/tiny/coverage?includePlanned=maybe", 400, "includePlanned")]
    [InlineData("/regions/tiny/coverage?unit=999999999", 404, "unit")]
    [InlineData("/regions/tiny/coverage?f=odt", 400, "f")]
    [InlineData("/regions/tiny/collections/units/items?bbox=28.28,117.22,28.3,117.25", 422, "bbox")]
    [InlineData("/regions/tiny/collections/units/items?bbox=1,2,3", 400, "bbox")]
    [InlineData("/regions/tiny/collections/units/items?bbox=117,28.3,118,28.2", 422, "bbox")]
    [InlineData("/regions/tiny/collections/units/items?limit=0", 400, "limit")]
    [InlineData("/regions/tiny/collections/units/items?limit=100000", 400, "limit")]
    [InlineData("/regions/tiny/collections/units/items?offset=-1", 400, "offset")]
    [InlineData("/regions/tiny/collections/units/items?colour=red", 400, "colour")]
    [InlineData("/regions/tiny/collections/circles/items?minutes=999", 422, "minutes")]
    public async Task Get_BadParameter_NamesField(string path, int status, string field)
    {
        using var client = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await client.GetAsync(path), (HttpStatusCode)status, field);
    }

    [Theory]
    [InlineData("/regions/tiny/collections/rivers/items")]
    [InlineData("/regions/tiny/collections/stations/items/nope")]
    [InlineData("/regions/nope/coverage")]
    public async Task Get_UnknownId_Is404Problem(string path)
    {
        using var client = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await client.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownRoute_And_WrongMethod_AreProblems()
    {
        using var client = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await client.GetAsync("/no/such/route"), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await client.DeleteAsync("/regions/tiny/coverage"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Post_WrongMediaType_Is415()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        using var content = new StringContent("role=viewer", Encoding.UTF8, "text/plain");
        await Problems.AssertProblem(await admin.PostAsync("/keys", content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Post_OversizedBody_Is413()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        using var content = new StringContent($"{{\"role\":\"viewer\",\"label\":\"{new string('x', 70_000)}\"}}", Encoding.UTF8, "application/json");
        await Problems.AssertProblem(await admin.PostAsync("/keys", content), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Theory]
    [InlineData("{\"role\":", 400, "body")]
    [InlineData("", 400, "body")]
    [InlineData("{\"role\":\"viewer\",\"colour\":\"red\"}", 400, "colour")]
    [InlineData("{\"role\":7}", 400, "role")]
    [InlineData("{\"role\":\"superuser\"}", 422, "role")]
    [InlineData("{\"role\":\"viewer\",\"scope\":\"36AB\"}", 422, "scope")]
    public async Task Post_BadJson_NamesField(string json, int status, string field)
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await Problems.AssertProblem(await admin.PostAsync("/keys", content), (HttpStatusCode)status, field);
    }
}
