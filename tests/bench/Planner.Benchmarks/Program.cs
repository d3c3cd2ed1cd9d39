using BenchmarkDotNet.Running;
using Planner.Benchmarks;

// dotnet run -c Release --project tests/bench/Planner.Benchmarks -- --filter '*'      (BenchmarkDotNet)
// dotnet run -c Release --project tests/bench/Planner.Benchmarks -- time county|city  (stopwatch + peak memory)
// dotnet run -c Release --project tests/bench/Planner.Benchmarks -- visits [S]       (a county month of home visits: time, travel vs nearest neighbour and bound)
// dotnet run -c Release --project tests/bench/Planner.Benchmarks -- seed-counties STORE 50 20000 5000  (counties for tests/bench/batch.sh)
// dotnet run -c Release --project tests/bench/Planner.Benchmarks -- whatif           (what-if drag on Porto Alegre: engine, handler, request, CPU)
if (args.Length >= 6 && args[0] == "export")
{
    PeerExport.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 5 && args[0] == "seed-counties")
{
    var n = args[2..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    await CountySeeder.RunAsync(args[1], n[0], n[1], n[2]);
    return;
}

if (args.Length == 3 && args[0] == "export-region")
{
    var load = Planner.Core.IO.RegionFolderReader.Read(args[2]);
    PeerExport.Run(args[1], load.Region ?? throw new InvalidDataException($"{args[2]}: {string.Join("; ", load.Problems)}"));
    return;
}

if (args.Length >= 1 && args[0] == "visits")
{
    VisitsProbe.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1.5);
    return;
}

if (args.Length >= 1 && args[0] == "report")
{
    ReportProbe.Run();
    return;
}

if (args.Length >= 1 && args[0] == "prepare")
{
    PrepareProbe.Run(args.Length > 1 && args[1] == "city");
    return;
}

if (args.Length >= 1 && args[0] == "whatif")
{
    WhatIfProbe.Run();
    return;
}

if (args.Length >= 1 && args[0] == "tiers")
{
    TiersProbe.Run();
    return;
}

if (args.Length >= 1 && args[0] == "circles")
{
    CircleProbe.Run();
    return;
}

if (args.Length >= 1 && args[0] == "time")
{
    Timing.Run(args.Length > 1 ? args[1] : "county");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Scenarios).Assembly).Run(args);
