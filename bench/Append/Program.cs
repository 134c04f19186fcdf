using OneStop.Bench.Append;

return await AppendBenchmark.RunAsync(BenchOptions.Parse(args));
