using System.Globalization;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// One auction event: a kick (price = start price, collateral = lot, loan = tab), a take (price paid,
/// collateral bought, loan paid), a reset (price = new start price) or an end (collateral returned to the
/// borrower, loan = bad debt written off). Prices in whole loan units per collateral unit.
/// </summary>
internal sealed record AuctionRecord(int Block, string Auction, string Event, string Actor, string Borrower, double? Price, double? Collateral, double? Loan);

/// <summary>Writes auctions.csv: every auction event of a run, in block and log order (UTF-8, LF, flushed per block).</summary>
internal sealed class AuctionsCsvWriter : IDisposable
{
    public const string FileName = "auctions.csv";

    public const string Header = "block,auction,event,actor,borrower,price,collateral,loan";

    private readonly CsvFile _file;

    private AuctionsCsvWriter(string path) => _file = CsvFile.Create(path, Header);

    public static AuctionsCsvWriter Create(string path) => new(path);

    public void Append(IEnumerable<AuctionRecord> records)
    {
        foreach (var r in records)
        {
            _file.Row([
                r.Block.ToString(CultureInfo.InvariantCulture), r.Auction, r.Event, r.Actor, r.Borrower,
                Number(r.Price), Number(r.Collateral), Number(r.Loan)]);
        }
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();

    private static string? Number(double? value) => value is { } v ? ResultFormat.Number(v) : null;
}
