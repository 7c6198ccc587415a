using FloSandbox.Core.Ledger;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Ledger;

/// Effect ids are (domain, sequence × 8 + step), and each kind of order numbers its orders on its own:
/// kinds must never share a domain, or the redeem numbered 5 would find the mint numbered 5's effects applied.
public sealed class LedgerIdentityTests
{
    [Fact]
    public async Task Each_Kind_Of_Order_Has_A_Domain_Of_Its_Own_Derived_From_The_Ledger()
    {
        var identity = SandboxFactory.Shared.Services.GetRequiredService<LedgerIdentity>();

        var ledger = await identity.DomainAsync();
        var redeems = await identity.DomainAsync("redeems");
        var bridges = await identity.DomainAsync("bridges");

        Assert.All([ledger, redeems, bridges], d => Assert.Equal(32, d.Length));
        Assert.Equal(3, new[] { ledger, redeems, bridges }.Select(Convert.ToHexString).Distinct().Count());
        Assert.Equal(Nethereum.Util.Sha3Keccack.Current.CalculateHash([.. ledger, .. "redeems"u8.ToArray()]), redeems);
        Assert.Equal(redeems, await identity.DomainAsync("redeems"));
    }
}
