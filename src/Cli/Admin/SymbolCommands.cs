using System.CommandLine;

namespace LoomExchange.Cli.Admin;

/// <summary>
/// <c>exchange symbol add SYMBOL --price-decimals … --tick …</c> and <c>exchange symbol update SYMBOL --tick …</c>: list a
/// symbol or change its rules, on every node (decimal text values, as in <c>Loom:Instruments</c>).
/// </summary>
internal static class SymbolCommands
{
    public static Command Create(Option<bool> json)
    {
        var symbol = new Command("symbol", "List a symbol (add) or change its trading rules (update), cluster-wide");
        symbol.Add(Build("add", "List a new symbol with its rules", json, isAdd: true));
        symbol.Add(Build("update", "Change a listed symbol's rules (only the options given change; decimals cannot)", json, isAdd: false));
        return symbol;
    }

    private static Command Build(string name, string description, Option<bool> json, bool isAdd)
    {
        var symbol = ExchangePalette.SymbolArgument();
        var priceDecimals = new Option<int?>("--price-decimals") { Description = "Decimals of prices (add: default 2)" };
        var quantityDecimals = new Option<int?>("--quantity-decimals") { Description = "Decimals of quantities (add: default 0)" };
        var tick = new Option<string?>("--tick") { Description = "Tick size, e.g. 0.01" };
        var lot = new Option<string?>("--lot") { Description = "Lot size, e.g. 0.001" };
        var minQuantity = new Option<string?>("--min-qty") { Description = "Smallest order quantity (0 = one lot)" };
        var maxQuantity = new Option<string?>("--max-qty") { Description = "Largest order quantity (0 = no limit)" };
        var maxNotional = new Option<string?>("--max-notional") { Description = "Largest price x quantity of one order (0 = no limit)" };
        var band = new Option<decimal?>("--band-percent") { Description = "Limit prices within this percentage of the reference price (0 = no band)" };
        var reference = new Option<string?>("--reference-price") { Description = "Reference price of the band" };
        var command = new Command(name, description) { symbol, priceDecimals, quantityDecimals, tick, lot, minQuantity, maxQuantity, maxNotional, band, reference };
        command.SetAction((result, token) =>
        {
            var body = new
            {
                symbol = result.GetRequiredValue(symbol),
                priceDecimals = result.GetValue(priceDecimals),
                quantityDecimals = result.GetValue(quantityDecimals),
                tickSize = result.GetValue(tick),
                lotSize = result.GetValue(lot),
                minQuantity = result.GetValue(minQuantity),
                maxQuantity = result.GetValue(maxQuantity),
                maxNotional = result.GetValue(maxNotional),
                priceBandPercent = result.GetValue(band),
                referencePrice = result.GetValue(reference),
            };
            return AdminRunner.RunAsync(
                result,
                json,
                (c, t) => isAdd
                    ? c.PostAsync("admin/exchange/symbols", body, t)
                    : c.PutAsync($"admin/exchange/symbols/{ExchangePalette.Escape(body.symbol)}", body, t),
                s => $"{AdminJson.Text(s, "symbol")} {(isAdd ? "listed" : "updated")}: tick {AdminJson.Text(s, "tickSize")}, lot {AdminJson.Text(s, "lotSize")}, " +
                     $"quantity {AdminJson.Text(s, "minQuantity")}..{AdminJson.Text(s, "maxQuantity")}, band {AdminJson.Text(s, "priceBandBps")} bps",
                token);
        });
        return command;
    }
}
