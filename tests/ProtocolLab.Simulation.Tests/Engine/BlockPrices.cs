using System.Text.Json;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>A block's timestamp and prices as blocks.jsonl has them, and the oracle rules computed by hand over them.</summary>
internal sealed record BlockPrices(long Timestamp, double Fundamental, double Pair, double Oracle)
{
    public static IReadOnlyList<BlockPrices> Read(EngineRun run, Scenario scenario, string design) =>
        run.Blocks(scenario, design).Select(From).ToList();

    /// <summary>The chainlink rule by hand: push the fundamental when it moved by the threshold or the heartbeat elapsed.</summary>
    public static (double[] Answers, int Heartbeats, int Deviations) ChainlinkByHand(IReadOnlyList<BlockPrices> blocks, double threshold, long heartbeat)
    {
        var answers = new double[blocks.Count];
        var last = answers[0] = blocks[0].Fundamental;
        var lastTime = blocks[0].Timestamp;
        int heartbeats = 0, deviations = 0;
        for (var b = 1; b < blocks.Count; b++)
        {
            var price = blocks[b].Fundamental;
            var deviated = Math.Abs(price - last) / last >= threshold;
            if (deviated || blocks[b].Timestamp - lastTime >= heartbeat)
            {
                _ = deviated ? deviations++ : heartbeats++;
                last = price;
                lastTime = blocks[b].Timestamp;
            }
            answers[b] = last;
        }
        return (answers, heartbeats, deviations);
    }

    private static BlockPrices From(JsonElement b) => new(
        b.GetProperty("timestamp").GetInt64(),
        b.GetProperty("fundamentalPrice").GetDouble(),
        b.GetProperty("pairPrice").GetDouble(),
        b.GetProperty("oraclePrice").GetDouble());
}
