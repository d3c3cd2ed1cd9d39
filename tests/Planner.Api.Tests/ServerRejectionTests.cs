using System.Net.Sockets;
using System.Text;

namespace Planner.Api.Tests;

/// <summary>
/// Requests Kestrel refuses before the application sees them (issue 16 item 4: "make every 400 problem+json,
/// including the server's own"), sent as raw bytes over a socket so that no client library repairs them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ServerRejectionTests(ApiFixture api)
{
    [Theory]
    [InlineData("GET /regions/gui%00xi HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData("GET /regions HTTP/1.1\r\nHost: localhost\r\nBad Header: 1\r\n\r\n")]
    [InlineData("GET /regions HTTP/9.9\r\nHost: localhost\r\n\r\n")]
    public async Task RequestTheServerRefuses_GetsAProblemJsonBody(string request)
    {
        var (head, body) = await SendRawAsync(request);
        Assert.Matches("^HTTP/1.1 (4|505)", head);
        Assert.Contains("Content-Type: application/problem+json", head);
        using var problem = JsonDocument.Parse(body);
        int status = int.Parse(head.Split(' ')[1]);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("request line", problem.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnOrdinaryRequest_PassesThroughTheRewriteUnchanged()
    {
        var (head, body) = await SendRawAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", head);
        Assert.DoesNotContain("problem+json", head);
        using var client = api.Client();
        Assert.Equal(await client.GetStringAsync("/health/live"), body);
    }

    private async Task<(string Head, string Body)> SendRawAsync(string request)
    {
        var address = api.Client().BaseAddress!;
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(reader, timeout.Token); // the server closes the connection after its answer
        var text = Encoding.UTF8.GetString(reader.ToArray());
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no response head in: {text}");
        var head = text[..split];
        var body = text[(split + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return (head, body);
    }

    private static string Dechunk(string chunked)
    {
        var result = new StringBuilder();
        int at = 0;
        while (true)
        {
            int lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            int size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
