using System.Diagnostics;
using Planner.Core.Coverage;

namespace Planner.Benchmarks;

/// <summary>
/// <c>-- whatif</c>: the one-station drag of <see cref="WhatIfBenchmarks"/> by stopwatch, split into the engine
/// alone (<see cref="IncrementalCoverage.SetStations"/> + <see cref="IncrementalCoverage.Report"/>), the handler's
/// own <c>elapsedMs</c>, the full recompute each request ran before, the whole request through the pipeline, and the process CPU time per request (which a
/// loaded machine inflates far less than wall time). Prints the load average, since the machine is shared.
/// </summary>
internal static class WhatIfProbe
{
    private const int Requests = 300;

    public static void Run()
    {
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var region = WhatIfBenchmarks.PortoAlegre();
        var drags = WhatIfBenchmarks.Drags(region);
        var options = new CoverageOptions { Minutes = region.Info.DefaultMinutes, BuildCircles = false };
        var engine = new IncrementalCoverage(CoverageContext.Prepare(region, options), options);
        var engineMs = new List<double>();
        var clock = new Stopwatch();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Requests; i++)
        {
            clock.Restart();
            engine.SetStations(drags[i % drags.Count]);
            _ = engine.Report();
            engineMs.Add(clock.Elapsed.TotalMilliseconds);
        }

        double engineKb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / Requests;

        // What each request ran before the engine: prepare the region and a full run without circles.
        var fullMs = new List<double>();
        for (int i = 0; i < 10; i++)
        {
            clock.Restart();
            _ = CoverageCalculator.Compute(region with { Stations = drags[i] }, options);
            fullMs.Add(clock.Elapsed.TotalMilliseconds);
        }

        var bench = new WhatIfBenchmarks();
        bench.Setup();
        var requestMs = new List<double>();
        int length = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < Requests; i++)
        {
            clock.Restart();
            length = bench.MoveOneStation();
            requestMs.Add(clock.Elapsed.TotalMilliseconds);
        }

        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Requests;
        var handlerMs = bench.HandlerMs.ToList();
        bench.Cleanup();
        Console.WriteLine($"{region.Info.Name}: {region.Stations.Length} stations, {region.Demand.Length} demand points, {Requests} one-station moves (figures only)");
        Console.WriteLine($"engine (SetStations + Report): median {Median(engineMs):0.00} ms, p95 {P95(engineMs):0.00} ms, {engineKb:0} KB allocated");
        Console.WriteLine($"full recompute (the old path):  median {Median(fullMs):0.00} ms");
        Console.WriteLine($"handler elapsedMs:             median {Median(handlerMs):0.00} ms, p95 {P95(handlerMs):0.00} ms");
        Console.WriteLine($"POST /whatif (TestServer):     median {Median(requestMs):0.00} ms, p95 {P95(requestMs):0.00} ms; response {length / 1024} KB");
        Console.WriteLine($"process CPU per request:       {cpuMs:0.00} ms (server and in-process client)");
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P95(List<double> values) => values.Order().ElementAt((int)(values.Count * 0.95));
}
