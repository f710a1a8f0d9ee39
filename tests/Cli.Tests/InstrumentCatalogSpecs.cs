using LoomExchange.Cli.Instruments;

namespace LoomExchange.Cli.Tests;

public sealed class InstrumentCatalogSpecs
{
    // The shape GET /api/instruments answers with (InstrumentSpec records, camelCase, as the node serialises them).
    private const string NodeAnswer = """
        [{"symbol":"BTC-USD","priceDecimals":2,"quantityDecimals":6,"tickSize":1,"lotSize":1,"minQuantity":1,"maxQuantity":1000000000,
          "maxNotional":5000000000,"priceBandBps":1000,"referencePrice":6500000},
         {"symbol":"GOLD","priceDecimals":1,"quantityDecimals":0,"tickSize":1,"lotSize":1,"minQuantity":1,"maxQuantity":10000,
          "maxNotional":1000000000,"priceBandBps":800,"referencePrice":0}]
        """;

    [Fact]
    public void Should_read_the_nodes_instrument_list_and_find_symbols_case_insensitively()
    {
        var catalog = InstrumentCatalog.Parse(NodeAnswer, "http://node");

        var btc = catalog.Get("btc-usd");
        Assert.Equal(("BTC-USD", 2, 6, 6_500_000L, 1000), (btc.Symbol, btc.PriceDecimals, btc.QuantityDecimals, btc.ReferencePrice, btc.PriceBandBps));
        var error = Assert.Throws<UsageException>(() => catalog.Get("DOGE-USD"));
        Assert.Contains("listed: BTC-USD, GOLD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_centre_generated_orders_on_the_reference_price_when_there_is_one()
    {
        var catalog = InstrumentCatalog.Parse(NodeAnswer, "http://node");

        Assert.Equal(6_500_000, Bench.BenchInstrument.From(catalog.Get("BTC-USD")).Mid);
        Assert.Equal(23_000, Bench.BenchInstrument.From(catalog.Get("GOLD")).Mid); // typical demo mid 2300.0
    }

    [Fact]
    public void Should_ship_demo_specs_that_match_the_nodes_demo_instruments() =>
        Assert.Equal(
            ["AAPL", "BTC-USD", "ETH-USD", "EUR-USD", "GOLD", "MSFT", "SOL-USD", "XRP-USD"],
            DemoInstruments.All.Select(s => s.Symbol).Order(StringComparer.Ordinal));
}
