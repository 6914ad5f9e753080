using System.Numerics;
using System.Reflection;
using ProtocolLab.Bindings.Generator.Tests.Support;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Bindings.Generator.Tests.Emit;

/// <summary>
/// Runs the generated Lens binding against the stub runtime: the values the decoder would hand
/// it become typed records, and typed arguments reach the encoder in the shape it expects.
/// </summary>
public sealed class GeneratedCodeBehaviourTests
{
    private static readonly Lazy<Type> LensType = new(() =>
        GeneratorHarness.Run([TestArtifacts.Lens()]).Load().GetType("ProtocolLab.Protocols.Bindings.Lens", throwOnError: true)!);

    private static readonly Address Owner = new("0x0wner");
    private static readonly Address Token = new("0xt0ken");

    /// <summary>A PositionView as the ABI decoder returns it: nested object?[] for tuples and arrays.</summary>
    private static object?[] DecodedPosition() =>
        [BigInteger.One, Owner, new object?[] { new object?[] { Token, new BigInteger(-5) } }, new object?[] { new byte[32], "note" }];

    private static dynamic NewLens(ChainSession session) => Activator.CreateInstance(LensType.Value, session, new Address("0x1e45"))!;

    [Fact]
    public async Task CallAsync_TupleOutput_BecomesNestedRecords()
    {
        // Given a chain that answers position(uint256) with a decoded PositionView
        var session = new ChainSession { OnCall = (signature, _) => signature == "position(uint256)" ? [DecodedPosition()] : [] };

        // When the binding is called
        var position = await NewLens(session).PositionAsync(BigInteger.One);

        // Then nested structs and arrays of structs are typed
        Assert.Equal(BigInteger.One, (BigInteger)position.Id);
        Assert.Equal(Owner, (Address)position.Owner);
        Assert.Equal(new BigInteger(-5), (BigInteger)position.Legs[0].Amount);
        Assert.Equal(Token, (Address)position.Legs[0].Token);
        Assert.Equal("note", (string)position.Meta.Note);
    }

    [Fact]
    public async Task CallAsync_SeveralOutputs_FillResultRecordInOrder()
    {
        // Given a chain that answers getReserves() with three integers
        var session = new ChainSession { OnCall = (_, _) => [new BigInteger(10), new BigInteger(20), new BigInteger(30)] };

        // When the binding is called
        var reserves = await NewLens(session).GetReservesAsync();

        // Then the result record holds them by output name
        Assert.Equal(new BigInteger(10), (BigInteger)reserves.Reserve0);
        Assert.Equal(new BigInteger(20), (BigInteger)reserves.Reserve1);
        Assert.Equal(new BigInteger(30), (BigInteger)reserves.Item3);
    }

    [Fact]
    public void Transaction_ArrayOfStructs_ReachesEncoderAsObjectArrays()
    {
        // Given a typed PositionView list and a uint8[2][] grid
        var positionType = LensType.Value.GetNestedType("PositionView")!;
        var position = positionType.GetMethod("FromAbi")!.Invoke(null, [DecodedPosition()]);
        var positions = Array.CreateInstance(positionType, 1);
        positions.SetValue(position, 0);
        IReadOnlyList<IReadOnlyList<BigInteger>> grid = [[1, 2]];

        // When the transaction is built
        TransactionRequest request = NewLens(new ChainSession()).Open(Owner, (dynamic)positions, grid);

        // Then structs are object?[] all the way down and plain lists pass as they are
        Assert.Equal("open((uint256,address,(address,int256)[],(bytes32,string))[],uint8[2][])", request.Signature);
        var encoded = Assert.IsType<object?[]>(Assert.IsType<object?[]>(request.Arguments[0])[0]);
        Assert.Equal(DecodedPosition()[..2], encoded[..2]);
        Assert.Equal(new object?[] { Token, new BigInteger(-5) }, Assert.IsType<object?[]>(Assert.IsType<object?[]>(encoded[2])[0]));
        Assert.Equal("note", Assert.IsType<object?[]>(encoded[3])[1]);
        Assert.Same(grid, request.Arguments[1]);
    }

    [Fact]
    public async Task SendAsync_PayableFunction_CarriesValueInOptions()
    {
        // Given a session and a value to send
        var session = new ChainSession();
        var options = new TxOptions(Value: 7);

        // When the payable function is sent
        await NewLens(session).DepositEthAsync(Owner, options);

        // Then one transaction went out with no arguments and the value in its options
        var sent = Assert.Single(session.Sent);
        Assert.Equal("depositEth()", sent.Signature);
        Assert.Empty(sent.Arguments);
        Assert.Same(options, sent.Options);
    }

    [Fact]
    public async Task DeployAsync_PassesArtifactNameAndConstructorArguments()
    {
        // Given a session and typed constructor arguments
        var session = new ChainSession();
        var deploy = LensType.Value.GetMethod("DeployAsync", BindingFlags.Public | BindingFlags.Static)!;
        IReadOnlyList<BigInteger> weights = [3, 4];

        // When the contract is deployed
        var task = (Task)deploy.Invoke(null, [session, new ArtifactStore(), Owner, Token, weights, null, CancellationToken.None])!;
        await task;
        dynamic lens = ((dynamic)task).Result;

        // Then the deployer got the artifact by ArtifactName and the arguments in order, and the binding points at the new address
        var (artifact, arguments) = Assert.Single(session.Deployed);
        Assert.Equal("contracts/src/Lens.sol:Lens", artifact.Name);
        Assert.Equal(new object?[] { Token, weights }, arguments);
        Assert.Equal(new Address("0xdeployed"), (Address)lens.Address);
    }

    [Fact]
    public void DecodeEvents_PositionalValues_BecomeEventRecords()
    {
        // Given a receipt with a decoded Transfer and an unrelated event
        var receipt = new TransactionReceipt([new DecodedEvent("Transfer", [Owner, Token, new BigInteger(9)]), new DecodedEvent("Noted", [])]);

        // When Transfer events are decoded
        var events = NewLens(new ChainSession()).DecodeTransferEvents(receipt);

        // Then only Transfer is mapped, field by field
        Assert.Equal(1, (int)events.Count);
        Assert.Equal(Owner, (Address)events[0].From_);
        Assert.Equal(Token, (Address)events[0].To);
        Assert.Equal(new BigInteger(9), (BigInteger)events[0].Value);
    }
}
