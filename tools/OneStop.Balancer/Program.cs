namespace OneStop.Balancer;

public static class BalancerProgram
{
    // dotnet run --project tools/OneStop.Balancer -- http://0.0.0.0:8080 http://node1:8080 http://node2:8080 ...
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: OneStop.Balancer <listen-url> <node-url>...");
            return 2;
        }

        await Balancer.Build(args[0], args[1..]).RunAsync();
        return 0;
    }
}
