namespace Planner.Fuzz;

/// <summary>
/// One reader under the fuzzer: <see cref="Run"/> feeds it one input and lets through only what is not a refusal
/// the reader documents (those are caught here); anything that escapes is a crash AFL records.
/// </summary>
internal abstract class FuzzTarget : IDisposable
{
    /// <summary>A scratch folder of this process (the readers take paths).</summary>
    protected string Scratch { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "planner-fuzz-" + Environment.ProcessId)).FullName;

    /// <summary>Feeds one input to the reader.</summary>
    public abstract void Run(byte[] input);

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(Scratch, recursive: true);
    }
}
