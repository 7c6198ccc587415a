using System.Text.RegularExpressions;

namespace FloSandbox.Tests.Architecture;

/// Features that know no other feature must not know its tables either: no SQL of one feature's folder names a
/// table another feature's schema creates. What one feature needs of another's rows goes through the core
/// (for example <c>IHoldingOrigins</c>, implemented by mints and read by redeems).
public sealed partial class FeatureTablesTests
{
    private static readonly string Flo = Path.Combine(RepoRoot(), "src", "FloSandbox", "Flo");

    [Fact]
    public void No_Feature_Names_A_Table_Of_Another_Feature()
    {
        var features = Directory.GetDirectories(Flo).Where(d => Path.GetFileName(d) != "Platform").ToArray();
        var tables = features.ToDictionary(d => Path.GetFileName(d), d => Directory.GetFiles(d, "*Schema.cs")
            .SelectMany(f => CreateTable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal));
        Assert.Contains("mints", tables["Mints"]);
        Assert.Contains("redeems", tables["Redeems"]);

        var offences = new List<string>();
        foreach (var feature in features)
        {
            var name = Path.GetFileName(feature);
            var foreign = tables.Where(t => t.Key != name).SelectMany(t => t.Value.Select(table => (Owner: t.Key, Table: table))).ToArray();
            foreach (var file in Directory.GetFiles(feature, "*.cs", SearchOption.AllDirectories))
            {
                var source = File.ReadAllText(file);
                offences.AddRange(foreign
                    .Where(f => Regex.IsMatch(source, $@"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+{Regex.Escape(f.Table)}\b", RegexOptions.IgnoreCase))
                    .Select(f => $"{Path.GetRelativePath(Flo, file)} names {f.Owner}' table {f.Table}"));
            }
        }

        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FloSandbox.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("FloSandbox.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
