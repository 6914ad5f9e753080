namespace ProtocolLab.Chain.Rpc;

/// <summary>Which dialect of the dev methods a node speaks (anvil_* or hardhat_*; evm_* are shared).</summary>
public enum DevFlavor
{
    Anvil,
    Hardhat,
}
