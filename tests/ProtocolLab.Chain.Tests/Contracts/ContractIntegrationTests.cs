using System.Numerics;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;

namespace ProtocolLab.Chain.Tests.Contracts;

/// <summary>Deploy, call, send and decode against real solc output on a real anvil.</summary>
public sealed class ContractIntegrationTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private readonly ChainSession _session = new(anvil.Devnet.Rpc);
    private readonly ArtifactStore _artifacts = ArtifactStore.ForRepository(TestRepo.Root);
    private Address Owner => anvil.Devnet.Accounts[0];

    [Fact]
    public async Task Erc20_DeployAndTransfer_MovesBalancesAndEmitsDecodedTransfer()
    {
        // Given an OpenZeppelin ERC20 minted to the deployer
        var token = await Deployer.DeployContractAsync(_session, _artifacts.Get("FixtureToken"), Owner, new BigInteger(1_000_000));
        var to = anvil.Devnet.Accounts[1];

        // When the deployer transfers 1,234 units
        var receipt = await token.SendAsync(Owner, "transfer", [to, new BigInteger(1_234)]);

        // Then balances moved and the Transfer log decodes to the same values
        Assert.True(receipt.Succeeded);
        Assert.Equal(new BigInteger(1_234), (BigInteger)(await token.CallAsync("balanceOf", [to]))[0]!);
        Assert.Equal(new BigInteger(998_766), (BigInteger)(await token.CallAsync("balanceOf", [Owner]))[0]!);
        var transfers = token.DecodeEvents(receipt.Logs, "Transfer", e => e);
        var transfer = Assert.Single(transfers);
        Assert.Equal(Owner, transfer.Get<Address>("from"));
        Assert.Equal(to, transfer.Get<Address>("to"));
        Assert.Equal(new BigInteger(1_234), transfer.Get<BigInteger>("value"));

        // And eth_getLogs over the block returns the same event
        var logged = await token.GetEventsAsync("Transfer", receipt.BlockNumber, receipt.BlockNumber);
        Assert.Equal(new BigInteger(1_234), Assert.Single(logged).Get<BigInteger>("value"));
    }

    [Fact]
    public async Task Send_CustomErrorRevert_RaisesTypedExceptionWithNameAndArguments()
    {
        // Given the ABI fixture, whose take() reverts with LimitExceeded(who, asked, limit) above 100
        var fixture = await Deployer.DeployContractAsync(_session, _artifacts.Get("AbiFixture"), Owner);

        // When a sender asks for 250
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => fixture.SendAsync(Owner, "take", [new BigInteger(250)]));

        // Then the revert names the custom error and carries its decoded arguments
        Assert.Equal("LimitExceeded", error.ErrorName);
        var custom = Assert.IsType<RevertReason.CustomError>(error.Reason);
        Assert.Equal(Owner, custom.Get<Address>("who"));
        Assert.Equal(new BigInteger(250), custom.Get<BigInteger>("asked"));
        Assert.Equal(new BigInteger(100), custom.Get<BigInteger>("limit"));
        Assert.Contains("LimitExceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RequireAndPanic_DecodeAsErrorStringAndPanicCode()
    {
        var fixture = await Deployer.DeployContractAsync(_session, _artifacts.Get("AbiFixture"), Owner);

        var require = await Assert.ThrowsAsync<ContractRevertException>(() => fixture.CallAsync("failRequire", []));
        var panic = await Assert.ThrowsAsync<ContractRevertException>(() => fixture.CallAsync("failPanic", [BigInteger.Zero]));

        Assert.Equal("plain message", Assert.IsType<RevertReason.ErrorMessage>(require.Reason).Message);
        Assert.Equal(new BigInteger(0x12), Assert.IsType<RevertReason.Panic>(panic.Reason).Code);
    }

    [Fact]
    public async Task Send_MinedFailureWithExplicitGas_RecoversReasonByReplay()
    {
        // Given explicit gas, nothing is estimated, so the failure is only seen in the receipt
        var fixture = await Deployer.DeployContractAsync(_session, _artifacts.Get("AbiFixture"), Owner);

        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => fixture.SendAsync(Owner, "take", [BigInteger.Zero], new TxOptions { Gas = 100_000 }));

        Assert.Equal("Empty", error.ErrorName);
    }

    [Fact]
    public async Task Call_NestedTuplesAndDynamicArrays_DecodeExactly()
    {
        var fixture = await Deployer.DeployContractAsync(_session, _artifacts.Get("AbiFixture"), Owner);
        var caller = new Address(HexConvert.FromHex("0x1000000000000000000000000000000000000000"));
        var call = fixture.BuildCall("book", [new BigInteger(3)]) with { From = caller };

        var output = fixture.DecodeOutput("book", await _session.Eth.CallAsync(call));

        // book(3): legs[i].owner = caller + i, legs[i].amounts = [(i+1)*1000 + j for j <= i]
        var book = (object?[])output[0]!;
        Assert.Equal("protocol-lab", book[0]);
        Assert.Equal(new BigInteger(-42), book[1]);
        var legs = (object?[])book[2]!;
        Assert.Equal(3, legs.Length);
        for (var i = 0; i < 3; i++)
        {
            var leg = (object?[])legs[i]!;
            var owner = new byte[20];
            owner[0] = 0x10;
            owner[19] = (byte)i;
            Assert.Equal(new Address(owner), leg[0]);
            var amounts = ((object?[])leg[1]!).Cast<BigInteger>().ToArray();
            Assert.Equal(Enumerable.Range(0, i + 1).Select(j => new BigInteger(((i + 1) * 1000) + j)), amounts);
        }
        Assert.Equal(HexConvert.FromHex("0xdeadbeef"), (byte[])book[3]!);
        Assert.Equal(new BigInteger(1000 + 2000 + 2001 + 3000 + 3001 + 3002), output[1]);
    }

    [Fact]
    public async Task Call_SignedArraysAndBytes_RoundTripThroughSolidity()
    {
        var fixture = await Deployer.DeployContractAsync(_session, _artifacts.Get("AbiFixture"), Owner);
        object?[] values = [BigInteger.MinusOne, BigInteger.Pow(2, 255) * -1, BigInteger.Pow(2, 255) - 1];
        var blob = Enumerable.Range(0, 70).Select(i => (byte)i).ToArray();

        var output = await fixture.CallAsync("echo", [values, blob]);

        Assert.Equal(values, (object?[])output[0]!);
        Assert.Equal(blob, (byte[])output[1]!);
    }

    [Fact]
    public async Task Event_IndexedStringAndAnonymous_DecodeAsHashAndByName()
    {
        var fixture = await Deployer.DeployContractAsync(_session, _artifacts.Get("AbiFixture"), Owner);

        var noted = await fixture.SendAsync(Owner, "take", [new BigInteger(7)]);
        var raw = await fixture.SendAsync(Owner, "raw", [Keccak256.Hash("key"), new BigInteger(9)]);

        var evt = Assert.Single(fixture.DecodeEvents(noted.Logs, "Noted", e => e));
        Assert.Equal(Keccak256.Hash("take"), evt.Get<byte[]>("label"));
        Assert.Equal("taken", evt.Get<string>("note"));
        var log = Assert.Single(raw.Logs);
        var decoded = fixture.Abi.GetEvent("Raw").Decode(log.Topics, log.Data);
        Assert.Equal(Keccak256.Hash("key"), decoded.Get<byte[]>("key"));
        Assert.Equal(new BigInteger(9), decoded.Get<BigInteger>("value"));
    }

    [Fact]
    public async Task Deploy_LibraryLinkReference_LinksAndCallsThroughLibrary()
    {
        // Given a contract whose bytecode references an external library
        var user = _artifacts.Get("LinkedFixture");
        Assert.True(user.NeedsLinking);
        await Assert.ThrowsAsync<ArtifactException>(() => Deployer.DeployAsync(_session, user, Owner, []));

        // When the library is deployed and linked
        var library = await Deployer.DeployAsync(_session, _artifacts.Get("FixtureMath"), Owner, []);
        var address = await Deployer.DeployAsync(_session, user, Owner, [], libraries: new Dictionary<string, Address> { ["FixtureMath"] = library });
        var linked = new Contract(_session, address, user.Abi);

        // Then calls go through the library
        Assert.Equal(new BigInteger(42), (await linked.CallAsync("tripled", [new BigInteger(14)]))[0]);
    }
}
