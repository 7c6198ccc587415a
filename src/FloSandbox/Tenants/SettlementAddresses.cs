using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace FloSandbox.Tenants;

/// A tenant's settlement address: the last 20 bytes of keccak256("flo-sandbox:settlement:" + key),
/// written with the EIP-55 checksum. Deterministic, so the same key always gets the same wallet.
public static class SettlementAddresses
{
    public static string ForApiKey(string key)
    {
        var hash = Keccak(Encoding.UTF8.GetBytes("flo-sandbox:settlement:" + key));
        var hex = Convert.ToHexStringLower(hash.AsSpan(12));
        var checksum = Keccak(Encoding.ASCII.GetBytes(hex));
        var chars = new char[40];
        for (var i = 0; i < 40; i++)
        {
            var nibble = (checksum[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            chars[i] = nibble >= 8 ? char.ToUpperInvariant(hex[i]) : hex[i];
        }
        return "0x" + new string(chars);
    }

    private static byte[] Keccak(byte[] input)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }
}
