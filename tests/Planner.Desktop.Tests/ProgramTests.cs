using System.Diagnostics;
using System.Net;
using Planner.Core.IO;
using Planner.Core.Synthetic;

namespace Planner.Desktop.Tests;

/// <summary>The desktop program as a user starts it: a separate process with no display.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planner-desktop-program-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Program_WithoutADisplay_PrintsTheAddressAndServesTheMapAndTheApi()
    {
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(Path.Combine(data, "standards"));
        RegionFolderWriter.Write(SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(200, 50, 2, Seed: 3)), Path.Combine(data, "tiny"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Planner.Desktop.dll"));
        info.ArgumentList.Add($"--Planner:DataPath={data}");
        info.ArgumentList.Add($"--Planner:KeysFile={Path.Combine(_folder, "keys.json")}");
        info.ArgumentList.Add($"--Planner:Workspace={Path.Combine(_folder, "workspace.gpkg")}");
        info.Environment.Remove("DISPLAY");
        info.Environment.Remove("WAYLAND_DISPLAY");
        using var process = Process.Start(info)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var printed = new List<string>();
            var errors = new List<string>();
            var opened = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    opened.TrySetException(new InvalidOperationException("the program ended: " + string.Join(" | ", printed) + " | " + string.Join(" | ", errors)));
                    return;
                }

                lock (printed)
                {
                    printed.Add(e.Data);
                }

                // The address comes first, then the no-display notice.
                if (e.Data.StartsWith("No display", StringComparison.Ordinal))
                {
                    lock (printed)
                    {
                        var address = printed.FirstOrDefault(l => l.StartsWith("Open: ", StringComparison.Ordinal));
                        if (address is null)
                        {
                            opened.TrySetException(new InvalidOperationException("no address before the notice: " + string.Join(" | ", printed)));
                        }
                        else
                        {
                            opened.TrySetResult(address["Open: ".Length..]);
                        }
                    }
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.Add(e.Data ?? string.Empty);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var open = await opened.Task.WaitAsync(timeout.Token);
            var url = new Uri(open);
            Assert.Equal("127.0.0.1", url.Host);
            var key = Uri.UnescapeDataString(url.Fragment["#key=".Length..]);

            using var client = new HttpClient { BaseAddress = new Uri(url.GetLeftPart(UriPartial.Authority)) };
            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), timeout.Token);
            Assert.Contains("dist/app.js", page, StringComparison.Ordinal);
            using var bundle = await client.GetAsync(new Uri("/dist/app.js", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
            using var anonymous = await client.GetAsync(new Uri("/regions", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.Contains("\"tiny\"", await client.GetStringAsync(new Uri("/regions", UriKind.Relative), timeout.Token), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
