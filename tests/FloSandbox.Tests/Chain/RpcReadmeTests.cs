using System.Text.RegularExpressions;
using FloSandbox.Devchain.Node;
using FloSandbox.Flo.Rpc;

namespace FloSandbox.Tests.Chain;

/// The README's "/rpc allow-list" is the list the code enforces, name for name.
public partial class RpcReadmeTests
{
    [Fact]
    public void The_Readme_Lists_Exactly_The_Forwarded_Methods()
    {
        var readme = File.ReadAllText(Path.GetFullPath(Path.Combine(AnvilBinary.BuiltInDevchainDirectory!, "..", "README.md")));
        var start = readme.IndexOf("### `/rpc` allow-list", StringComparison.Ordinal);
        var end = readme.IndexOf("**Answered by the sandbox:**", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has no \"/rpc allow-list\" section");

        var listed = MethodName().Matches(readme[start..end]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(RpcAllowList.ForwardedMethods.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains($"`{RpcAllowList.Accounts}` is `[]`", readme[end..]);
    }

    [GeneratedRegex("`([a-z0-9]+_[A-Za-z0-9]+)`")]
    private static partial Regex MethodName();
}
