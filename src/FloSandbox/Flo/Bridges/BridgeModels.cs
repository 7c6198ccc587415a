namespace FloSandbox.Flo.Bridges;

/// `POST /v1/bridge`, as the docs' `client.bridge(...)`. `destination` defaults to the source wallet;
/// `source_wallet` (sandbox addition) names which of the tenant's wallets holds the tokens on `from_chain`
/// and defaults to its settlement address.
public sealed record BridgeRequest(string Token, decimal Quantity, string FromChain, string ToChain, string? Destination = null,
    string? SourceWallet = null);

/// One on-chain transaction of a bridge: where, its hash and the gas its receipt reports (passed through: Flo
/// charges no fee on the message).
public sealed record BridgeTxView(string Chain, string TxHash, long GasUsed);

/// One DVN's attestation of the message: `pending`, `attested` (with `attested_at`) or `missed` (it did not
/// attest inside the ten-minute window).
public sealed record DvnAttestationView(string Name, string Status, string? AttestedAt);

/// The 3-of-4 quorum: `quorum` counts the attestations so far ("3/4").
public sealed record DvnQuorumView(string Quorum, int Required, string? ReachedAt, IReadOnlyList<DvnAttestationView> Attestations);

/// The bridge resource. `delivery_attempts` counts the destination-mint attempts (the one that landed included),
/// `last_delivery_error` says why the latest failed one failed, and `next_delivery_attempt_at` is when the relayer
/// tries again while the bridge is `sent` (null once it has stopped).
public sealed record BridgeView(
    string Id,
    string Status,
    string Token,
    string Quantity,
    string FromChain,
    string ToChain,
    string SourceWallet,
    string Destination,
    DvnQuorumView Dvn,
    BridgeTxView? SourceBurn,
    BridgeTxView? DestinationMint,
    BridgeTxView? Unwind,
    int DeliveryAttempts,
    string? LastDeliveryError,
    string? NextDeliveryAttemptAt,
    string FloFeeUsdc,
    string? FailureReason,
    string CreatedAt,
    string? SentAt,
    string? DeliveredAt,
    string? RevertedAt)
{
    public string Object => "bridge";
}

/// One DVN's delay, `POST /v1/sandbox/dvns`.
public sealed record DvnDelayRequest(string Dvn, int Seconds);

/// `POST /v1/sandbox/dvns`: the DVNs that never attest and the extra seconds others take, for the bridges
/// this tenant accepts afterwards. Replaces the previous settings; `{}` restores the defaults.
public sealed record DvnSettingsRequest(IReadOnlyList<string>? Withhold = null, IReadOnlyList<DvnDelayRequest>? Delays = null);

public sealed record DvnSettingView(string Name, bool Withheld, int DelaySeconds);

public sealed record DvnSettingsView(IReadOnlyList<DvnSettingView> Dvns)
{
    public string Object => "dvn_settings";
}
