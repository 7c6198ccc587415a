namespace FloSandbox.Devchain.Contracts;

/// <summary>The effects of one order, each a slot of its <see cref="EffectId.For"/> index: room for eight per order.</summary>
public enum EffectStep
{
    /// <summary>The mint itself (token minted, payment burned in the same transaction when it is).</summary>
    Mint = 0,

    /// <summary>A payment collected on its own (a queued mint, or a mint on another chain).</summary>
    Payment = 1,

    /// <summary>A payment paid back (a failed order).</summary>
    Refund = 2,

    /// <summary>A first mint's deployment charge.</summary>
    DeployCharge = 3,

    /// <summary>A redemption's burn.</summary>
    Burn = 4,

    /// <summary>A payout on its own.</summary>
    Payout = 5,
}
