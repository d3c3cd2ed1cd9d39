using Planner.Fuzz;
using SharpFuzz;

// Usage: Planner.Fuzz TARGET            (under afl-fuzz: one input per iteration on stdin)
//        Planner.Fuzz TARGET FILE...    (replays inputs, e.g. a crash AFL saved; prints the exception)
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: Planner.Fuzz {{{string.Join('|', FuzzTargets.Names)}}} [FILE...]");
    return 2;
}

using var target = FuzzTargets.Create(args[0]);
if (args.Length > 1)
{
    int failed = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            target.Run(File.ReadAllBytes(file));
            Console.WriteLine($"{file}: ok");
        }
        catch (Exception ex)
        {
            failed++;
            Console.WriteLine($"{file}: {ex}");
        }
    }

    return failed == 0 ? 0 : 1;
}

// Out of process: a stack overflow or an abort in the reader is a crash AFL sees, not a dead fuzzer.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;
