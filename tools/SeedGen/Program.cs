namespace FloSandbox.SeedGen;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: dotnet run --project tools/SeedGen -- seed-data/tokens.csv");
            return 2;
        }

        var tokens = TokenUniverseGenerator.Generate();
        var csv = SeedCsv.Write(tokens);
        var path = Path.GetFullPath(args[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, csv, SeedCsv.Encoding);
        Console.WriteLine($"wrote {tokens.Count} tokens to {path}");
        return 0;
    }
}
