namespace FloSandbox.Flo.Bridges;

/// The four Decentralized Verifier Networks of the docs and the quorum they form: any three of four
/// attestations within ten minutes. Each attests at a fixed offset after the bridge is accepted (on the
/// tenant clock), longer when a leg is Ethereum; a tenant may withhold or delay any of them.
public static class Dvns
{
    public const int Required = 3;

    public static readonly TimeSpan QuorumWindow = TimeSpan.FromMinutes(10);

    public static readonly IReadOnlyList<string> Names = ["LayerZero Labs", "Google Cloud", "Polyhedra", "Nethermind"];

    private static readonly int[] L2Seconds = [6, 9, 12, 15];
    private static readonly int[] EthereumSeconds = [15, 25, 35, 45];

    /// The DVN's name as the docs spell it, whatever the case of <paramref name="name"/>; null for no DVN.
    public static string? Canonical(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// When each DVN attests a message on this route, in milliseconds after acceptance (null: never).
    public static DvnPlan Plan(string from, string to, DvnSettings settings)
    {
        var seconds = BridgeRoutes.TouchesEthereum(from, to) ? EthereumSeconds : L2Seconds;
        return new DvnPlan([.. Names.Select((name, i) => settings.Withheld.Contains(name)
            ? (long?)null
            : (seconds[i] + (long)settings.DelaySeconds.GetValueOrDefault(name)) * 1000)]);
    }
}

/// A tenant's DVN behaviour for the bridges it accepts from now on (sandbox-only).
public sealed record DvnSettings(IReadOnlySet<string> Withheld, IReadOnlyDictionary<string, int> DelaySeconds)
{
    public static readonly DvnSettings Default = new(new HashSet<string>(), new Dictionary<string, int>());

    public static readonly DvnSettings NoneAttest = new(Dvns.Names.ToHashSet(StringComparer.Ordinal), new Dictionary<string, int>());
}

/// When each of the four DVNs attests one bridge's message, in milliseconds after its acceptance, in the
/// order of <see cref="Dvns.Names"/>; null for a DVN that never does.
public sealed record DvnPlan(IReadOnlyList<long?> OffsetsMs)
{
    /// When the third attestation lands, if it lands inside the quorum window.
    public long? QuorumOffsetMs
    {
        get
        {
            var attested = OffsetsMs.OfType<long>().Order().ToList();
            return attested.Count >= Dvns.Required && attested[Dvns.Required - 1] <= (long)Dvns.QuorumWindow.TotalMilliseconds
                ? attested[Dvns.Required - 1] : null;
        }
    }

    /// Stored as the offsets separated by commas, an empty entry for a DVN that never attests.
    public string Serialize() => string.Join(",", OffsetsMs.Select(o => o?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public static DvnPlan Parse(string text) =>
        new([.. text.Split(',').Select(o => o.Length == 0 ? (long?)null : long.Parse(o, System.Globalization.CultureInfo.InvariantCulture))]);
}
