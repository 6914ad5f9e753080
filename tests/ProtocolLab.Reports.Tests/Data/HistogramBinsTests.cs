using ProtocolLab.Reports.Data;

namespace ProtocolLab.Reports.Tests.Data;

public sealed class HistogramBinsTests
{
    [Fact]
    public void Cover_PricesAndMarks_UsesANiceWidthAndCoversBoth()
    {
        // Given / When
        var bins = HistogramBins.Cover([1300, 1500, 1890], [2000, 1400], cap: 4000);

        // Then: 700 / 30 = 23.3 rounds up to 25
        Assert.Equal(25, bins.Width);
        Assert.Equal(1300, bins.Low);
        Assert.True(bins.High > 2000);
        Assert.Equal(1312.5, bins.Center(0));
    }

    [Fact]
    public void Tally_ValuesPastTheCap_LandInTheLastBin()
    {
        // Given
        var bins = HistogramBins.Cover([1000, 1500], [2000], cap: 2000);

        // When
        var counts = bins.Tally([1000, 1500, 1e9, double.NaN]);

        // Then: the outlier is counted, NaN is not
        Assert.Equal(3, counts.Sum());
        Assert.Equal(1, counts[^1]);
        Assert.Equal(1, counts[0]);
    }

    [Fact]
    public void Cover_NoValues_GivesOneBin()
    {
        // Given / When
        var bins = HistogramBins.Cover([], [], cap: 10);

        // Then
        Assert.Equal(1, bins.Count);
        Assert.Equal([0], bins.Tally([]));
    }

    [Fact]
    public void Cover_OneValue_GivesAPositiveWidth()
    {
        // Given / When
        var bins = HistogramBins.Cover([1500], [1500], cap: 4000);

        // Then
        Assert.True(bins.Width > 0);
        Assert.Equal([1], bins.Tally([1500]));
    }
}
