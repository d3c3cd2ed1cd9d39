Console.WriteLine("run with: dotnet run -c Release --project tests/bench/Planner.Benchmarks");
