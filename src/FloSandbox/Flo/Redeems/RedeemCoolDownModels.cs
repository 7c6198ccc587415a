namespace FloSandbox.Flo.Redeems;

/// `POST /v1/sandbox/guardrails/redeem_cool_down`: `enabled`, and when true the threshold (`ratio_bps` of a
/// wallet's holding redeemed within 24 h) and the cool-down's length in seconds.
public sealed record RedeemCoolDownRequest(bool? Enabled = null, int? RatioBps = null, int? CoolDownSeconds = null);

/// A wallet cooling down, and until when.
public sealed record WalletCoolDownView(string Wallet, string Until);

/// The tenant's `redeem_cool_down`: whether it is on, its threshold and cool-down, the trailing window the ratio
/// is measured over, and the wallets cooling down now.
public sealed record RedeemCoolDownView(bool Enabled, int? RatioBps, int? CoolDownSeconds, int WindowSeconds, IReadOnlyList<WalletCoolDownView> CoolingDown)
{
    public string Object => "redeem_cool_down";
}
