using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Flo.Platform.Catalog;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using FloSandbox.Flo.Platform.Views;

namespace FloSandbox.Flo.Tokens;

/// The read-only token catalog as one tenant sees it: the universe, with this tenant's supply and prices.
public sealed class TokensService(TokenCatalog catalog, TenantPrices prices, PositionStore positions, DeploymentRegistry deployments)
{
    public static readonly TimeSpan TwapWindow = TimeSpan.FromSeconds(30);

    private static readonly SpvTemplate Spv = new("Cayman Islands", "bankruptcy-remote segregated portfolio note issuer",
        "Ankura Trust", ["Interactive Brokers", "Alpaca Securities"], "Accountable");

    public async Task<ListResponse<TokenSummary>> ListAsync(TenantContext caller, PageRequest page, CancellationToken ct)
    {
        if (page.StartingAfter is { } after && !catalog.TryGet(after, out _))
        {
            throw FloException.Invalid("starting_after", $"starting_after '{after}' is not a ticker in the universe.");
        }
        var result = catalog.Page(page.StartingAfter, page.Limit);
        var now = caller.Now;
        var totals = await positions.SupplyTotalsAsync(caller.TenantId, [.. result.Items.Select(t => t.Ticker)], ct);
        var data = new List<TokenSummary>(result.Items.Count);
        foreach (var token in result.Items)
        {
            var quote = await prices.QuoteAsync(caller.TenantId, token.Ticker, now);
            data.Add(new TokenSummary(token.Ticker, token.Name, token.AssetClass.WireName(), token.Fractional, token.Venue, token.SpvId,
                Money.Quantity(totals.GetValueOrDefault(token.Ticker)), Money.Usd(quote.Price)));
        }
        return new ListResponse<TokenSummary>(data, result.HasMore, result.HasMore ? data[^1].Ticker : null);
    }

    public async Task<TokenDetail> RetrieveAsync(TenantContext caller, string ticker, CancellationToken ct)
    {
        var token = catalog.Require(ticker);
        var now = caller.Now;
        var quote = await prices.QuoteAsync(caller.TenantId, token.Ticker, now);
        var twap = await prices.TwapAsync(caller.TenantId, token.Ticker, now, TwapWindow);
        var byChain = await positions.SupplyByChainAsync(caller.TenantId, token.Ticker, ct);
        var profile = token.AssetClass.Profile();
        return new TokenDetail(
            token.Ticker, token.Name, profile.WireName, token.Fractional, token.Venue, token.Cusip, token.SpvId,
            new SpvRecord(token.SpvId, Spv.Jurisdiction, Spv.Structure, Spv.SecurityAgent, Spv.Custodians, Spv.Attestor),
            NavView.AttestationUrl(token.Ticker, now),
            Money.Quantity(byChain.Values.Sum()),
            Money.Usd(quote.Price),
            NavView.Of(quote),
            new TwapView((int)TwapWindow.TotalSeconds, Money.Usd(twap)),
            new BorrowTerms(profile.MaxLtvBps, profile.LiquidationLtvBps),
            [.. DevchainChain.All.Select(chain => new ChainDistribution(chain.Name, (long)chain.ChainId,
                Money.Quantity(byChain.GetValueOrDefault(chain.Name)), ContractOn(chain.Name, token.Ticker)))]);
    }

    /// Deploys the token on the chain if it is missing (idempotent): `client.tokens.ensure_deployed`.
    public async Task<(TokenDeploymentView View, bool DeployedNow)> EnsureDeployedAsync(string ticker, EnsureDeployedRequest request, CancellationToken ct)
    {
        var token = catalog.Require(ticker);
        var chain = SettlementChains.RequireLive(request.Chain, "chain");
        var result = await deployments.EnsureAsync(chain, token.Ticker, token.Name, ct);
        var d = result.Deployment;
        return (new TokenDeploymentView(token.Ticker, chain, (long)DevchainChain.Get(chain).ChainId, d.Address.ToString(),
            result.DeployedNow, d.TransactionHash, (long)result.GasUsed, (long)d.BlockNumber), result.DeployedNow);
    }

    private ContractView ContractOn(string chain, string ticker) =>
        deployments.Find(chain, ticker) is { } deployed
            ? new ContractView(deployed.Address.ToString(), true)
            : new ContractView(deployments.Predicted(ticker).ToString(), false);

    /// The latest daily attestation: the report for the previous UTC day on the tenant's clock.
    private sealed record SpvTemplate(string Jurisdiction, string Structure, string SecurityAgent, IReadOnlyList<string> Custodians, string Attestor);
}
