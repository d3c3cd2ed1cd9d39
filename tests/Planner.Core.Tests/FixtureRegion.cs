namespace Planner.Core.Tests;

/// <summary>
/// A writable copy of a region folder from Fixtures/regions in a temporary directory, so a test can break
/// one file and see what the loader and validator say. Deleted on dispose.
/// </summary>
public sealed class FixtureRegion : IDisposable
{
    private FixtureRegion(string path) => Path = path;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Copies Fixtures/regions/<paramref name="name"/>.</summary>
    public static FixtureRegion Copy(string name = "tiny")
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", name);
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planner-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return new FixtureRegion(target);
    }

    /// <summary>The folder of a fixture without copying (read-only use).</summary>
    public static string Original(string name = "tiny") => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", name);

    /// <summary>Replaces the first occurrence of <paramref name="oldText"/> in a file; fails when absent so a stale test cannot pass silently.</summary>
    public FixtureRegion Replace(string file, string oldText, string newText)
    {
        var full = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(full);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture {file} does not contain '{oldText}'");
        File.WriteAllText(full, string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length)));
        return this;
    }

    /// <summary>Writes a whole file.</summary>
    public FixtureRegion Write(string file, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        return this;
    }

    /// <summary>Deletes a file.</summary>
    public FixtureRegion Delete(string file)
    {
        File.Delete(System.IO.Path.Combine(Path, file));
        return this;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
