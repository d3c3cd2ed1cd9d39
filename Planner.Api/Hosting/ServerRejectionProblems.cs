using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Planner.Api.Hosting;

/// <summary>
/// Gives the requests Kestrel refuses before the application sees them (a <c>%00</c> in the path, a malformed
/// request line or header, headers too large) an RFC 9457 problem body, as every other 4xx of the API has.
/// </summary>
/// <remarks>
/// Kestrel answers such a request itself, with an empty body, and never calls a middleware or an exception
/// handler (dotnet/aspnetcore has no hook for it). So this sits one level lower, on the connection: the bytes
/// Kestrel writes pass through a pipe, and a write that is exactly Kestrel's bare rejection — a 4xx or 5xx status line,
/// <c>Content-Length: 0</c>, <c>Connection: close</c> and nothing after the headers — is replaced by the same
/// status with a problem+json body. Any other write passes through unchanged. The application's own 4xx responses
/// always carry a problem body, so they never match.
/// </remarks>
internal static class ServerRejectionProblems
{
    /// <summary>Longest write still taken for a bare rejection (Kestrel's are about 120 bytes).</summary>
    private const int MaxRejectionBytes = 1024;

    /// <summary>Routes every HTTP/1.x connection of <paramref name="listen"/> through the rewrite.</summary>
    public static void UseServerRejectionProblems(this ListenOptions listen) =>
        listen.Use(next => connection => RunAsync(connection, next));

    private static async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var transport = connection.Transport;
        var written = new Pipe();
        connection.Transport = new DuplexPipe(transport.Input, written.Writer);
        var pumping = PumpAsync(written.Reader, transport.Output);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            await written.Writer.CompleteAsync().ConfigureAwait(false);
            await pumping.ConfigureAwait(false);
            connection.Transport = transport;
        }
    }

    private static async Task PumpAsync(PipeReader reader, PipeWriter output)
    {
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = read.Buffer;
                if (TryRewrite(buffer, out var replacement))
                {
                    output.Write(replacement);
                }
                else
                {
                    foreach (var segment in buffer)
                    {
                        output.Write(segment.Span);
                    }
                }

                reader.AdvanceTo(buffer.End);
                var flushed = await output.FlushAsync().ConfigureAwait(false);
                if (read.IsCompleted || flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The problem response for a bare Kestrel rejection in <paramref name="buffer"/>, or false.</summary>
    internal static bool TryRewrite(ReadOnlySequence<byte> buffer, out byte[] replacement)
    {
        replacement = [];
        if (buffer.Length is < 16 or > MaxRejectionBytes)
        {
            return false;
        }

        // Every response write passes here: look at the status line's first bytes and the last four before
        // decoding anything, so only a 4xx/5xx head with nothing after it is ever turned into a string.
        Span<byte> start = stackalloc byte[10], end = stackalloc byte[4];
        buffer.Slice(0, start.Length).CopyTo(start);
        buffer.Slice(buffer.Length - end.Length).CopyTo(end);
        if (!start[..9].SequenceEqual("HTTP/1.1 "u8) || start[9] is not ((byte)'4' or (byte)'5') || !end.SequenceEqual("\r\n\r\n"u8))
        {
            return false;
        }

        var text = Encoding.Latin1.GetString(buffer.ToArray());
        int headersEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headersEnd != text.Length - 4)
        {
            return false;
        }

        var lines = text[..headersEnd].Split("\r\n");
        var headers = lines.Skip(1).ToList();
        bool bare = headers.Contains("Content-Length: 0", StringComparer.OrdinalIgnoreCase)
            && headers.Contains("Connection: close", StringComparer.OrdinalIgnoreCase)
            && !headers.Any(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        var statusLine = lines[0].Split(' ', 3);
        if (!bare || statusLine.Length < 2 || !int.TryParse(statusLine[1], out int status))
        {
            return false;
        }

        string title = statusLine.Length == 3 ? statusLine[2] : "Bad Request";
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = "The server refused the request before reading it: its request line or headers are malformed "
                + "(for example a %00 or a control character in the path, or headers too large).",
            ["field"] = "request line",
        });
        var head = new StringBuilder();
        head.Append(lines[0]).Append("\r\n");
        foreach (var header in headers.Where(h => !h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("Content-Type: application/problem+json\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        replacement = [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
        return true;
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
