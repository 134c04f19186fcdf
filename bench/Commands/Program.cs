using OneStop.Bench.Commands;

return await CommandBenchmark.RunAsync(CommandOptions.Parse(args));
