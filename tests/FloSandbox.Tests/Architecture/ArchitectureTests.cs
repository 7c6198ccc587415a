using FloSandbox.Core.Ledger;
using NetArchTest.Rules;

namespace FloSandbox.Tests.Architecture;

/// The shape the code must keep: a core that knows no API, features that know no other feature, and SQL
/// that stays inside stores.
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Sandbox = typeof(LedgerDatabase).Assembly;

    private static readonly string[] FeatureNames = ["Mints", "Redeems", "Bridges", "Positions", "Tokens", "Prices", "Sandbox", "Webhooks", "Health", "Rpc"];

    public static TheoryData<string> Features => [.. FeatureNames];

    [Fact]
    public void The_Core_Knows_No_Api_Module()
    {
        var result = Types.InAssembly(Sandbox).That().ResideInNamespace("FloSandbox.Core")
            .ShouldNot().HaveDependencyOn("FloSandbox.Flo").GetResult();
        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void A_Feature_Knows_No_Other_Feature(string feature)
    {
        var others = FeatureNames.Where(f => f != feature).Select(f => $"FloSandbox.Flo.{f}").ToArray();
        var result = Types.InAssembly(Sandbox).That().ResideInNamespace($"FloSandbox.Flo.{feature}")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void Sql_Stays_Inside_Stores()
    {
        var result = Types.InAssembly(Sandbox)
            .That().HaveDependencyOnAny("Microsoft.Data.Sqlite", "Dapper")
            .Should().HaveNameEndingWith("Store").Or().HaveNameEndingWith("Schema").Or().HaveNameEndingWith("Migrator")
            .Or().HaveName(nameof(LedgerDatabase)).Or().HaveName(nameof(LedgerSession))
            .Or().HaveName(nameof(StatementCachingConnection)).Or().HaveName("CachedStatement").Or().HaveName("StatementCommand").Or().HaveName("StatementParameters")
            .GetResult();
        Assert.True(result.IsSuccessful, Offenders(result));
    }

    private static string Offenders(TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
