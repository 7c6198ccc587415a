using FloSandbox.Core.Orders;

namespace FloSandbox.Flo.Mints;

/// Where a mint stands: queued (outside the session: paid, waiting for the fill), filled (the broker
/// filled it; settling on chain), settled (tokens delivered on chain) or failed (refunded in full).
public enum MintStatus
{
    Queued,
    Filled,
    Settled,
    Failed,
}

public static class MintLifecycle
{
    /// The only moves a mint makes.
    public static readonly Lifecycle<MintStatus> Table = new("mint", new Dictionary<MintStatus, MintStatus[]>
    {
        [MintStatus.Queued] = [MintStatus.Filled, MintStatus.Failed],
        [MintStatus.Filled] = [MintStatus.Settled, MintStatus.Failed],
        [MintStatus.Settled] = [],
        [MintStatus.Failed] = [],
    });

    /// The status as the API spells it.
    public static string Wire(this MintStatus status) => status.ToString().ToLowerInvariant();

    /// Parses a stored status. `pending` is how earlier versions stored a mint between its debit and its
    /// settlement: it is a filled mint whose settlement never ran.
    public static MintStatus Parse(string status) => status == "pending" ? MintStatus.Filled : Enum.Parse<MintStatus>(status, ignoreCase: true);
}
