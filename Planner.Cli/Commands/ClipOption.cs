using System.CommandLine;
using Planner.Core.Import;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>--clip [polygon file]</c> of <c>import units</c> and <c>import population</c>: given alone it means the region's own
/// boundary (the union of its top-level units), given a file that file's polygons (<see cref="ImportClip"/>).
/// </summary>
internal static class ClipOption
{
    /// <summary>The option, taking zero or one value.</summary>
    public static Option<string?> Create(string description) => new("--clip") { Arity = ArgumentArity.ZeroOrOne, Description = description };

    /// <summary>True when <c>--clip</c> was given, with or without a file.</summary>
    public static bool Given(ParseResult parse, Option<string?> option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>The clip of the file given, or null when <c>--clip</c> came alone.</summary>
    /// <exception cref="ImportException">The file cannot be read or has no polygons.</exception>
    public static ImportClip? File(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } path ? ImportClip.FromFile(Path.GetFullPath(path), null) : null;

    /// <summary>The clip of the file given, else the region's own boundary.</summary>
    public static ImportClip? For(ParseResult parse, Option<string?> option, Region region) =>
        !Given(parse, option) ? null : File(parse, option) ?? ImportClip.ToRegion(region);
}
