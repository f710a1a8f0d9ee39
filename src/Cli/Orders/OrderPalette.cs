using System.CommandLine;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Orders;

/// <summary><c>loomctl order place|cancel|amend|status|mass-cancel</c>: one request, its execution report(s) printed.</summary>
internal static class OrderPalette
{
    public static Option<bool> Json { get; } = new("--json") { Description = "Print execution reports as JSON, one object per line", Recursive = true };

    public static Option<bool> Raw { get; } = new("--raw")
    {
        Description = "Prices and quantities are raw fixed-point units (no instrument lookup over HTTP)",
        Recursive = true,
    };

    public static Option<long> ClientOrderId { get; } = new("--client-order-id")
    {
        Description = "Client order id of this request (default: generated); reuse it to retry safely",
        Recursive = true,
    };

    public static Command Create()
    {
        var order = new Command("order", "Place, cancel, amend and query orders over the gateway");
        order.Add(Json);
        order.Add(Raw);
        order.Add(ClientOrderId);
        order.Add(Place());
        order.Add(Cancel());
        order.Add(Amend());
        order.Add(Status());
        order.Add(MassCancelCommand());
        return order;
    }

    private static Argument<string> SymbolArgument() => new("symbol") { Description = "Instrument symbol, e.g. BTC-USD" };

    private static Argument<long> OrderIdArgument() => new("orderId") { Description = "The exchange's order id (from the Accepted report)" };

    private static Command Place()
    {
        var symbol = SymbolArgument();
        var side = new Argument<string>("side") { Description = "buy or sell" };
        side.AcceptOnlyFromAmong("buy", "sell");
        var quantity = new Argument<string>("qty") { Description = "Quantity as a decimal (0.5) or raw units with --raw" };
        var price = new Option<string?>("--price") { Description = "Limit price as a decimal (50000.25) or raw units with --raw" };
        var type = new Option<string>("--type") { Description = "limit or market (default: limit with --price, market without)" };
        type.AcceptOnlyFromAmong("limit", "market");
        var tif = new Option<string?>("--tif") { Description = "Time in force: gtc, ioc, fok or gtd (default: gtc for limit, ioc for market)" };
        tif.AcceptOnlyFromAmong("gtc", "ioc", "fok", "gtd");
        var postOnly = new Option<bool>("--post-only") { Description = "Only add liquidity: reject if the order would trade on arrival" };
        var expireAt = new Option<string?>("--expire-at") { Description = "Expiry of a gtd order: ISO 8601, Unix ms, or +duration (+10m)" };
        var stp = new Option<string>("--stp") { Description = "Self-trade prevention: none, cancel-newest, cancel-oldest, cancel-both", DefaultValueFactory = _ => "none" };
        stp.AcceptOnlyFromAmong("none", "cancel-newest", "cancel-oldest", "cancel-both");

        var command = new Command("place", "Place an order and print its execution report(s)") { symbol, side, quantity, price, type, tif, postOnly, expireAt, stp };
        command.SetAction((result, cancellationToken) => OrderRequestRunner.RunAsync(result, result.GetRequiredValue(symbol), spec =>
        {
            var priceText = result.GetValue(price);
            var orderType = (result.GetValue(type) ?? (priceText is null ? "market" : "limit")) == "market" ? OrderType.Market : OrderType.Limit;
            if (orderType == OrderType.Limit && priceText is null)
            {
                throw new UsageException("a limit order needs --price");
            }

            var timeInForce = ParseTimeInForce(result.GetValue(tif), orderType);
            var expiry = result.GetValue(expireAt);
            if (timeInForce == TimeInForce.Gtd && expiry is null)
            {
                throw new UsageException("a gtd order needs --expire-at");
            }

            return new NewOrder(
                result.GetValue(ClientOrderId),
                spec?.Symbol ?? result.GetRequiredValue(symbol),
                result.GetRequiredValue(side) == "buy" ? Side.Buy : Side.Sell,
                orderType,
                timeInForce,
                ParseSelfTradePrevention(result.GetRequiredValue(stp)),
                result.GetValue(postOnly),
                orderType == OrderType.Market ? 0 : UnitText.Price(priceText!, spec),
                UnitText.Quantity(result.GetRequiredValue(quantity), spec),
                expiry is null ? 0 : TimeText.ExpireAt(expiry, TimeProvider.System));
        }, cancellationToken));
        return command;
    }

    private static Command Cancel()
    {
        var symbol = SymbolArgument();
        var orderId = OrderIdArgument();
        var command = new Command("cancel", "Cancel an open order") { symbol, orderId };
        command.SetAction((result, cancellationToken) => OrderRequestRunner.RunAsync(result, result.GetRequiredValue(symbol), spec =>
            new CancelOrder(result.GetValue(ClientOrderId), spec?.Symbol ?? result.GetRequiredValue(symbol), result.GetRequiredValue(orderId)), cancellationToken));
        return command;
    }

    private static Command Amend()
    {
        var symbol = SymbolArgument();
        var orderId = OrderIdArgument();
        var price = new Option<string?>("--price") { Description = "New limit price (default: unchanged)" };
        var quantity = new Option<string?>("--qty") { Description = "New open quantity (default: unchanged)" };
        var command = new Command("amend", "Change an open order's price and/or open quantity") { symbol, orderId, price, quantity };
        command.SetAction((result, cancellationToken) => OrderRequestRunner.RunAmendAsync(
            result, result.GetRequiredValue(symbol), result.GetRequiredValue(orderId), result.GetValue(price), result.GetValue(quantity), cancellationToken));
        return command;
    }

    private static Command Status()
    {
        var symbol = SymbolArgument();
        var orderId = OrderIdArgument();
        var command = new Command("status", "Show an order's current state") { symbol, orderId };
        command.SetAction((result, cancellationToken) => OrderRequestRunner.RunAsync(result, result.GetRequiredValue(symbol), spec =>
            new OrderStatusRequest(result.GetValue(ClientOrderId), spec?.Symbol ?? result.GetRequiredValue(symbol), result.GetRequiredValue(orderId)), cancellationToken));
        return command;
    }

    private static Command MassCancelCommand()
    {
        var symbol = SymbolArgument();
        var command = new Command("mass-cancel", "Cancel all of the account's open orders in a symbol") { symbol };
        command.SetAction((result, cancellationToken) => OrderRequestRunner.RunAsync(result, result.GetRequiredValue(symbol), spec =>
            new MassCancel(result.GetValue(ClientOrderId), spec?.Symbol ?? result.GetRequiredValue(symbol)), cancellationToken));
        return command;
    }

    internal static TimeInForce ParseTimeInForce(string? text, OrderType type) => text switch
    {
        null => type == OrderType.Market ? TimeInForce.Ioc : TimeInForce.Gtc,
        "gtc" => TimeInForce.Gtc,
        "ioc" => TimeInForce.Ioc,
        "fok" => TimeInForce.Fok,
        _ => TimeInForce.Gtd,
    };

    internal static SelfTradePrevention ParseSelfTradePrevention(string text) => text switch
    {
        "cancel-newest" => SelfTradePrevention.CancelNewest,
        "cancel-oldest" => SelfTradePrevention.CancelOldest,
        "cancel-both" => SelfTradePrevention.CancelBoth,
        _ => SelfTradePrevention.None,
    };
}
