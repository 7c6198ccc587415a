namespace FloSandbox.Core.Market;

// One trading session: [Open, Close) in UTC. Date is the New York calendar date.
public sealed record MarketSession(DateOnly Date, DateTimeOffset Open, DateTimeOffset Close, bool EarlyClose)
{
    public bool Contains(DateTimeOffset instant) => Open <= instant && instant < Close;
}
