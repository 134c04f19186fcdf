using OneStop.Balancer;

// dotnet run --project tools/OneStop.Balancer -- http://0.0.0.0:8080 http://node1:8080 http://node2:8080 ...
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: OneStop.Balancer <listen-url> <node-url>...");
    return 2;
}

await Balancer.Build(args[0], args[1..]).RunAsync();
return 0;
