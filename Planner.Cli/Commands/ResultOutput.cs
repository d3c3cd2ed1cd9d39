using System.CommandLine;

namespace Planner.Cli.Commands;

/// <summary>
/// Where a command writes its result: the file given by <c>--out</c> (or <c>--circles</c>, <c>--points</c>), else
/// standard output. A path that cannot be written is bad input: one line naming the path and why, exit code 2,
/// found before the work starts where it can be.
/// </summary>
internal static class ResultOutput
{
    /// <summary>The <c>--out FILE</c> option every result-writing command takes.</summary>
    public static Option<FileInfo?> OutOption() => new("--out") { Description = "Write the result to this file instead of standard output." };

    /// <summary>Why <paramref name="file"/> (given as <paramref name="option"/>) cannot be written, or null when it can.</summary>
    public static string? Problem(string option, FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (Directory.Exists(file.FullName))
        {
            return $"{option} {file}: is a directory, not a file";
        }

        if (file.Directory is { Exists: false } dir)
        {
            return $"{option} {file}: folder {dir.FullName} does not exist";
        }

        bool existed = file.Exists;
        try
        {
            // Opening for writing without truncating tells whether the write will succeed, and changes nothing.
            using (new FileStream(file.FullName, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(file.FullName);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Because(option, file, ex);
        }
    }

    /// <summary>The problems of several output paths, in the order given.</summary>
    public static List<string> Problems(params (string Option, FileInfo? File)[] outputs) =>
        [.. outputs.Select(o => Problem(o.Option, o.File)).OfType<string>()];

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="file"/>, or as a line to <paramref name="stdout"/> when it is
    /// null; throws <see cref="BadInputException"/> naming the path when the file cannot be written.
    /// </summary>
    public static void Write(string option, FileInfo? file, string text, TextWriter stdout)
    {
        if (file is null)
        {
            stdout.WriteLine(text);
            return;
        }

        try
        {
            File.WriteAllText(file.FullName, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(Because(option, file, ex));
        }
    }

    private static string Because(string option, FileInfo file, Exception ex) => ex switch
    {
        UnauthorizedAccessException => $"{option} {file}: cannot be written: permission denied",
        DirectoryNotFoundException => $"{option} {file}: folder {file.DirectoryName} does not exist",
        _ => $"{option} {file}: cannot be written: {ex.Message}",
    };
}
