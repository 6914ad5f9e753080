using System.Globalization;

namespace ProtocolLab.Simulation.Results;

/// <summary>One swap on the pair, or liquidity added or removed, whole units: who, which way, how much, at what price.</summary>
/// <param name="Side"><c>sell</c> when collateral went into the pair, <c>buy</c> when it came out; <c>add</c> and <c>remove</c> for liquidity.</param>
/// <param name="Price">Execution price, loan per collateral (fees and impact included); for liquidity, the ratio it moved at.</param>
internal sealed record TradeRecord(int Block, string Transaction, string Role, string Actor, string Account, string Side, double Collateral, double Loan, double Price);

/// <summary>
/// Writes trades.csv, the run's trade ledger: one row per swap on the pair, or liquidity move, in block and log order.
/// UTF-8 without byte-order mark, LF line ends, flushed after every block.
/// </summary>
internal sealed class TradesCsvWriter : IDisposable
{
    public const string FileName = "trades.csv";

    public const string Header = "block,transaction,role,actor,account,side,collateral,loan,price";

    private readonly CsvFile _file;

    private TradesCsvWriter(string path) => _file = CsvFile.Create(path, Header);

    public static TradesCsvWriter Create(string path) => new(path);

    public void Append(IReadOnlyList<TradeRecord> trades)
    {
        foreach (var t in trades)
        {
            _file.Row([
                t.Block.ToString(CultureInfo.InvariantCulture), t.Transaction, t.Role, t.Actor, t.Account, t.Side,
                ResultFormat.Number(t.Collateral), ResultFormat.Number(t.Loan), ResultFormat.Number(t.Price)]);
        }
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();
}
