namespace ProtocolLab.Simulation.Scenarios;

/// <summary>gas: blockGasLimit, baseFeeGwei, background congestion windows.</summary>
internal static class GasSectionParser
{
    public static GasSpec Parse(MappingReader gas, int blocks)
    {
        var limit = gas.WholeNumber("blockGasLimit", 1_000_000, 1_000_000_000, 30_000_000);
        var baseFee = gas.Number("baseFeeGwei", NumberRule.Between(0, 1e5), 10);
        var windows = new List<CongestionWindow>();
        if (gas.Sequence("background", required: false) is { } sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (MappingReader.Open(sequence.Children[i], $"{gas.FieldPath("background")}[{i}]", gas.Errors) is not { } window)
                    continue;
                var from = window.WholeNumber("from", 1, blocks);
                var to = window.WholeNumber("to", 1, blocks);
                if (from > to)
                    window.Errors.Add(window.Node, window.FieldPath("to"), $"expected to at least from {from}, found {to}");
                var gasPerBlock = window.WholeNumber("gasPerBlock", 1, 1_000_000_000);
                // Demand may exceed the block (the builder leaves out what does not fit), up to four blocks' worth.
                if (gasPerBlock > 4L * limit)
                    window.Errors.Add(window.Node, window.FieldPath("gasPerBlock"), $"expected at most 4 x blockGasLimit {4L * limit:N0}, found {gasPerBlock:N0}");
                var fee = window.Number("priorityFeeGwei", NumberRule.Between(0, 1e6));
                var callGas = window.WholeNumber("callGas", 50_000, CongestionWindow.DefaultCallGas, (int)CongestionWindow.DefaultCallGas);
                window.RejectUnknownFields();
                windows.Add(new CongestionWindow(from, to, gasPerBlock, fee, callGas));
            }
        }
        gas.RejectUnknownFields();
        return new GasSpec(limit, baseFee, windows);
    }
}
