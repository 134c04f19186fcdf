using OneStop.Bench.Reads;

return await ReadBenchmark.RunAsync(ReadOptions.Parse(args));
