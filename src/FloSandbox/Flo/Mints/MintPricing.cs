namespace FloSandbox.Flo.Mints;

/// What a mint costs, deterministically. Every amount is rounded to cents, half away from zero:
///   notional = price × quantity; flo_fee = notional × 10 bps; onramp = notional × 1 bps;
///   broker = notional × 0.5 bps; spread = notional × 2.5 bps; developer fee = notional × amount_bps;
///   total debited = notional + flo_fee + onramp + broker + spread + developer fee.
/// The first mint of an (asset, chain) also pays the deployment gas from the receipt:
///   deploy_gas = gas × the chain's gas price × ETH/USD (see <see cref="DeployGasPriceGwei"/>).
public sealed record MintPricing(decimal Price, decimal Notional, int FloFeeBps, decimal FloFee, decimal Onramp, decimal Broker,
    decimal Spread, int? DeveloperFeeBps, decimal DeveloperFee)
{
    public const int FloFeeBpsDefault = 10;
    public const decimal OnrampBps = 1m;
    public const decimal BrokerBps = 0.5m;
    public const decimal SpreadBps = 2.5m;
    public const decimal EthUsd = 3000m;

    /// Gas prices the sandbox charges deployments at: cheap L2s, an expensive L1.
    public static decimal DeployGasPriceGwei(string chain) => chain == "ethereum" ? 15m : 0.05m;

    public decimal Total => Notional + FloFee + Onramp + Broker + Spread + DeveloperFee;

    public static MintPricing For(decimal price, decimal quantity, int? developerFeeBps)
    {
        var notional = Cents(price * quantity);
        return new MintPricing(price, notional, FloFeeBpsDefault, Bps(notional, FloFeeBpsDefault), Bps(notional, OnrampBps),
            Bps(notional, BrokerBps), Bps(notional, SpreadBps), developerFeeBps, developerFeeBps is { } d ? Bps(notional, d) : 0m);
    }

    public static decimal DeployCharge(string chain, ulong gas) => Cents(gas * DeployGasPriceGwei(chain) / 1_000_000_000m * EthUsd);

    /// Gas a token deployment adds to a mint (measured ≈ 722k on the devchain), for the balance check
    /// before the receipt gives the real figure.
    public const ulong EstimatedDeployGas = 750_000;

    public static decimal DeployChargeEstimate(string chain) => DeployCharge(chain, EstimatedDeployGas);

    private static decimal Bps(decimal notional, decimal bps) => Cents(notional * bps / 10_000m);

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
