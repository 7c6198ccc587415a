using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FloSandbox.Core.Ids;

namespace FloSandbox.Flo.Webhooks;

/// The `data` of a test delivery: a plausible resource of the event's family, shaped like the docs'
/// responses, in the state the event names. Fresh ids and hashes each time; never stored anywhere else.
public static class SyntheticEvents
{
    public static JsonObject Build(string type, string wallet, DateTimeOffset now)
    {
        var (family, action) = (type[..type.IndexOf('.')], type[(type.IndexOf('.') + 1)..]);
        var at = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return family switch
        {
            "mint" => Mint(action, wallet, at),
            "redeem" => Redeem(action, wallet, at),
            "borrow" => Borrow(action, wallet, at),
            "bridge" => Bridge(action, wallet, at),
            "position" => new JsonObject
            {
                ["object"] = "position", ["token"] = "AAPL", ["wallet"] = wallet, ["quantity"] = "10.000000", ["nav_usdc"] = "1874.20",
                ["nav"] = new JsonObject { ["price"] = "187.42", ["as_of"] = at, ["stale"] = false },
                ["yield"] = new JsonObject { ["gross_apy_bps"] = action == "yield_accrued" ? 412 : 0, ["net_apy_bps"] = action == "yield_accrued" ? 388 : 0 },
                ["attestation_url"] = $"https://attest.flo.finance/ATT-{now.UtcDateTime.Date.AddDays(-1):yyyy-MM-dd}-AAPL.pdf",
            },
            "fee" => new JsonObject
            {
                ["object"] = "fee_balance", ["destination"] = Address(), ["accrued_usdc"] = action == "settled" ? "0.00" : "12.40",
                ["pending_usdc"] = "0.00", ["settled_usdc"] = action == "settled" ? "12.40" : "0.00",
                ["tx_hash"] = action == "settled" ? Hash() : null, ["updated_at"] = at,
            },
            _ => Customer(action, wallet, now),
        };
    }

    private static JsonObject Mint(string action, string wallet, string at)
    {
        var status = action switch { "contract_deployed" => "settled", _ => action };
        var mint = new JsonObject
        {
            ["id"] = FloIds.New("mnt"), ["object"] = "mint", ["status"] = status, ["asset"] = "AAPL", ["quantity"] = "10.000000",
            ["notional_usdc"] = "1842.05", ["flo_fee"] = new JsonObject { ["bps"] = 10, ["amount"] = "1.84" },
            ["cost"] = new JsonObject { ["onramp"] = "0.18", ["broker"] = "0.09", ["spread"] = "0.46" },
            ["contract"] = new JsonObject { ["address"] = Address(), ["auto_deployed"] = action == "contract_deployed" },
            ["settlement"] = new JsonObject
            {
                ["currency"] = "USDC", ["chain"] = "base", ["wallet"] = wallet, ["tx_hash"] = status == "settled" ? Hash() : null,
            },
            ["settled_at"] = status == "settled" ? at : null,
        };
        if (status == "failed")
        {
            mint["failure_reason"] = "broker_rejected";
        }
        return mint;
    }

    /// A redeem of 10 AAPL (minted in USDC) from the wallet, paid out in USDT on Arbitrum, in the state the event names: priced
    /// from the fill on, paid out once settled, failed with its burn unwound.
    private static JsonObject Redeem(string action, string wallet, string at)
    {
        var priced = action is "filled" or "settled";
        return new JsonObject
        {
            ["id"] = FloIds.New("rdm"), ["object"] = "redeem", ["status"] = action, ["position_id"] = FloIds.New("mnt"), ["asset"] = "AAPL",
            ["quantity"] = "10.000000", ["price"] = priced ? "184.21" : null, ["notional_usdc"] = priced ? "1842.10" : null,
            ["flo_fee"] = priced ? new JsonObject { ["bps"] = 10, ["amount"] = "1.84" } : null,
            ["cost"] = priced ? new JsonObject { ["offramp"] = "0.18", ["broker"] = "0.09", ["spread"] = "0.46" } : null,
            ["developer_fee"] = null, ["proceeds_usdc"] = priced ? "1839.53" : null,
            ["source"] = new JsonObject { ["chain"] = "base", ["contract"] = Address(), ["wallet"] = wallet, ["burn_tx_hash"] = Hash() },
            ["payout"] = new JsonObject
            {
                ["currency"] = "USDT", ["chain"] = "arbitrum", ["wallet"] = wallet, ["amount"] = priced ? "1839.53" : null,
                ["tx_hash"] = action == "settled" ? Hash() : null,
                ["swap"] = new JsonObject { ["from"] = "USDC", ["to"] = "USDT", ["rate"] = "1.0000" },
            },
            ["settled_at"] = action == "settled" ? at : null,
            ["failure_reason"] = action == "failed" ? "broker_rejected: the broker rejected the offset" : null,
            ["created_at"] = at, ["queued_at"] = at, ["filled_at"] = priced ? at : null, ["failed_at"] = action == "failed" ? at : null,
        };
    }

    private static JsonObject Borrow(string action, string wallet, string at) => new()
    {
        ["id"] = FloIds.New("brw"), ["object"] = "borrow", ["status"] = action == "health_low" ? "funded" : action,
        ["collateral"] = new JsonObject { ["token"] = "AAPL", ["quantity"] = "500.000000", ["value_usdc"] = "93710.00" },
        ["borrow"] = new JsonObject
        {
            ["amount"] = "42000.000000", ["currency"] = "USDC", ["chain"] = "base", ["wallet"] = wallet, ["tx_hash"] = Hash(),
        },
        ["ltv_bps"] = 4482, ["liquidation_ltv_bps"] = 7800, ["apr_bps"] = 612,
        ["health_factor"] = action switch { "health_low" => "1.05", "liquidated" => "0.97", _ => "1.74" },
        ["funded_at"] = at,
    };

    /// Shaped like the bridge resource: the four DVNs, the quorum, and each leg's transaction once it happened.
    private static JsonObject Bridge(string action, string wallet, string at)
    {
        var attested = action switch { "queued" => 0, "reverted" => 2, "sent" => 3, _ => 4 };
        string[] dvns = ["LayerZero Labs", "Google Cloud", "Polyhedra", "Nethermind"];
        JsonObject? Tx(string chain, bool happened) => happened ? new JsonObject { ["chain"] = chain, ["tx_hash"] = Hash(), ["gas_used"] = 61_204 } : null;
        return new JsonObject
        {
            ["id"] = FloIds.New("brg"), ["object"] = "bridge", ["status"] = action, ["token"] = "AAPL", ["quantity"] = "50.000000",
            ["from_chain"] = "base", ["to_chain"] = "arbitrum", ["source_wallet"] = wallet, ["destination"] = wallet,
            ["dvn"] = new JsonObject
            {
                ["quorum"] = $"{attested}/4", ["required"] = 3, ["reached_at"] = attested >= 3 ? at : null,
                ["attestations"] = new JsonArray([.. dvns.Select((name, i) => (JsonNode)new JsonObject
                {
                    ["name"] = name, ["status"] = i < attested ? "attested" : action == "reverted" ? "missed" : "pending",
                    ["attested_at"] = i < attested ? at : null,
                })]),
            },
            ["source_burn"] = Tx("base", true), ["destination_mint"] = Tx("arbitrum", action == "delivered"),
            ["unwind"] = Tx("base", action == "reverted"), ["delivery_attempts"] = action == "delivered" ? 1 : 0, ["last_delivery_error"] = null,
            ["next_delivery_attempt_at"] = action == "sent" ? at : null, ["flo_fee_usdc"] = "0.00",
            ["failure_reason"] = action == "reverted" ? "dvn_quorum_timeout: 2 of 4 DVNs attested within 10 minutes; 3 are required. The source burn was unwound." : null,
            ["created_at"] = at, ["sent_at"] = action is "sent" or "delivered" ? at : null, ["delivered_at"] = action == "delivered" ? at : null,
            ["reverted_at"] = action == "reverted" ? at : null,
        };
    }

    private static JsonObject Customer(string action, string wallet, DateTimeOffset now) => new()
    {
        ["id"] = FloIds.New("cus"), ["object"] = "customer", ["external_id"] = "acme-user-1294", ["wallet"] = wallet,
        ["attestation"] = new JsonObject
        {
            ["id"] = FloIds.New("att"), ["kind"] = "kyc", ["provider"] = "jumio", ["vendor_reference"] = "JMO-2026-04-19-aX9k",
            ["attested_at"] = Format(now.AddYears(-2)), ["expires_at"] = Format(action == "attestation_expired" ? now : now.AddDays(30)),
            ["signals"] = new JsonArray("document_verified", "liveness_verified", "sanctions_clear"),
            ["attestation_hash"] = Hash(), ["pii"] = "hash_only", ["stored_at"] = Format(now.AddYears(-2)),
        },
    };

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Hash() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static string Address() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
