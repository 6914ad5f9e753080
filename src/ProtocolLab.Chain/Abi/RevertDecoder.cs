using System.Numerics;

namespace ProtocolLab.Chain.Abi;

/// <summary>Turns the return data of a reverted call into a <see cref="RevertReason"/>.</summary>
public static class RevertDecoder
{
    /// <param name="errors">Where custom errors are looked up: one ABI, or a registry merging several.</param>
    public static RevertReason Decode(ReadOnlySpan<byte> revertData, IAbiErrorLookup? errors = null)
    {
        if (revertData.IsEmpty)
            return new RevertReason.Empty();
        var raw = revertData.ToArray();
        if (revertData.Length < 4)
            return new RevertReason.Unknown(raw, "shorter than a selector");
        var selector = revertData[..4];
        try
        {
            if (selector.SequenceEqual(AbiError.ErrorString.Selector))
                return new RevertReason.ErrorMessage((string)AbiError.ErrorString.DecodeArguments(revertData)[0]!, raw);
            if (selector.SequenceEqual(AbiError.Panic.Selector))
                return new RevertReason.Panic((BigInteger)AbiError.Panic.DecodeArguments(revertData)[0]!, raw);
            if (errors is not null && errors.TryGetError(selector, out var error))
                return new RevertReason.CustomError(error, error.DecodeArguments(revertData), raw);
        }
        catch (AbiDecodingException e)
        {
            return new RevertReason.Unknown(raw, e.Message);
        }
        return new RevertReason.Unknown(raw, "no known error has this selector");
    }
}
