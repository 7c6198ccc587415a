namespace FloSandbox.Flo.Redeems;

public sealed class RedeemOptions
{
    public const string Section = "Redeems";

    /// How long `POST /v1/redeem` waits for the steps it started (burn, fill, payout) before answering with
    /// the redeem as it stands; the steps go on either way.
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(5);
}
