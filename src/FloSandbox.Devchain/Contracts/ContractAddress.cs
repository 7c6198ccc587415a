using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Contracts;

/// <summary>Addresses of contracts created with CREATE (sender + nonce) and CREATE2 (deployer + salt + init code).</summary>
public static class ContractAddress
{
    /// <summary>CREATE: last 20 bytes of keccak256(rlp([sender, nonce])).</summary>
    public static EvmAddress ForCreate(EvmAddress sender, ulong nonce)
    {
        // RLP of a two-item list: 0x94 + 20 address bytes, then the nonce as an RLP integer.
        Span<byte> nonceBytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(nonceBytes, nonce);
        var firstNonZero = nonceBytes.IndexOfAnyExcept((byte)0);
        nonceBytes = nonceBytes[(firstNonZero < 0 ? 8 : firstNonZero)..];
        var nonceLength = nonce < 0x80 ? 1 : 1 + nonceBytes.Length;
        Span<byte> rlp = stackalloc byte[1 + 21 + nonceLength];
        rlp[0] = (byte)(0xC0 + 21 + nonceLength);
        rlp[1] = 0x80 + EvmAddress.Size;
        sender.CopyTo(rlp.Slice(2, EvmAddress.Size));
        var tail = rlp[22..];
        if (nonce == 0)
        {
            tail[0] = 0x80;
        }
        else if (nonce < 0x80)
        {
            tail[0] = (byte)nonce;
        }
        else
        {
            tail[0] = (byte)(0x80 + nonceBytes.Length);
            nonceBytes.CopyTo(tail[1..]);
        }

        return EvmAddress.FromBytes(Keccak256.Hash(rlp).AsSpan(12));
    }

    /// <summary>CREATE2: last 20 bytes of keccak256(0xff ++ deployer ++ salt ++ keccak256(initCode)).</summary>
    public static EvmAddress ForCreate2(EvmAddress deployer, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> initCodeHash)
    {
        if (salt.Length != 32 || initCodeHash.Length != 32)
        {
            throw new ArgumentException("CREATE2 salt and init code hash are 32 bytes each.");
        }

        Span<byte> preimage = stackalloc byte[1 + EvmAddress.Size + 32 + 32];
        preimage[0] = 0xFF;
        deployer.CopyTo(preimage.Slice(1, EvmAddress.Size));
        salt.CopyTo(preimage.Slice(1 + EvmAddress.Size, 32));
        initCodeHash.CopyTo(preimage[(1 + EvmAddress.Size + 32)..]);
        return EvmAddress.FromBytes(Keccak256.Hash(preimage).AsSpan(12));
    }
}
