global using Xunit;

// Several command tests redirect Console.Out/Error, which is process-wide: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
