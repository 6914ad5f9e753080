using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.Options;

/// <summary>A deployed options vault and everything around it; the owner keeps the feed and the volatility oracle.</summary>
public sealed record OptionDeployment(
    Address Owner,
    TokenPairMarket Market,
    PushFeed Feed,
    VolatilityOracle Volatility,
    Contract MarginModel,
    OptionVault Vault,
    OptionLens Lens,
    IReadOnlyList<OptionSeriesConfig> Series)
{
    public TestToken Underlying => Market.Collateral;

    public TestToken Loan => Market.Loan;

    public UniswapV2 Uniswap => Market.Uniswap;

    public UniswapV2Pair Pair => Market.Pair;

    public ChainSession Session => Vault.Session;
}
