using System.Numerics;

namespace ProtocolLab.Chain.Abi;

/// <summary>The codes of Solidity's <c>Panic(uint256)</c> and what each one means.</summary>
public static class PanicCodes
{
    public const int GenericCompilerPanic = 0x00;
    public const int AssertionFailed = 0x01;
    public const int ArithmeticOverflow = 0x11;
    public const int DivisionByZero = 0x12;
    public const int InvalidEnumValue = 0x21;
    public const int InvalidStorageByteArray = 0x22;
    public const int PopOnEmptyArray = 0x31;
    public const int ArrayIndexOutOfBounds = 0x32;
    public const int OutOfMemory = 0x41;
    public const int InvalidInternalFunction = 0x51;

    public static string Describe(BigInteger code) => code.IsZero ? "generic compiler panic" : (int)BigInteger.Min(code, 0x100) switch
    {
        AssertionFailed => "assertion failed",
        ArithmeticOverflow => "arithmetic overflow or underflow",
        DivisionByZero => "division or modulo by zero",
        InvalidEnumValue => "conversion to an invalid enum value",
        InvalidStorageByteArray => "incorrectly encoded storage byte array",
        PopOnEmptyArray => "pop() on an empty array",
        ArrayIndexOutOfBounds => "array index out of bounds",
        OutOfMemory => "too much memory allocated",
        InvalidInternalFunction => "call to a zero-initialized internal function",
        _ => "unknown panic code",
    };
}
