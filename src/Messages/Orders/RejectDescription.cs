using LoomExchange.Messages.Instruments;

namespace LoomExchange.Messages.Orders;

/// <summary>
/// Human text for a reject: names the input, the rule and the fix, e.g.
/// "price 100.005 is not a multiple of tick size 0.01 for BTC-USD". For error replies and logs, never the hot path.
/// </summary>
public static class RejectDescription
{
    public static string Describe(RejectReason reason, in OrderCommand command, InstrumentSpec? spec)
    {
        var symbol = spec?.Symbol ?? "this symbol";
        string Price(long value) => spec is null ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : spec.FormatPrice(value);
        string Quantity(long value) => spec is null ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : spec.FormatQuantity(value);

        return reason switch
        {
            RejectReason.None => "accepted",
            RejectReason.UnknownSymbol => $"symbol {symbol} is not listed; use one of the exchange's symbols",
            RejectReason.InvalidSide => $"side {(byte)command.Side} is not valid; use Buy (1) or Sell (2)",
            RejectReason.InvalidOrderType => $"order type {(byte)command.OrderType} is not valid; use Limit (1) or Market (2)",
            RejectReason.InvalidTimeInForce => command.OrderType == OrderType.Market
                ? $"time in force {command.TimeInForce} is not valid for a market order; use Ioc or Fok"
                : $"time in force {(byte)command.TimeInForce} is not valid; use Gtc, Ioc, Fok or Gtd",
            RejectReason.InvalidPrice => $"price {Price(command.Price)} is not valid; it must be positive and at most {Price(InstrumentSpec.MaxValue)}",
            RejectReason.InvalidQuantity => $"quantity {Quantity(command.Quantity)} is not valid; it must be positive and at most {Quantity(InstrumentSpec.MaxValue)}",
            RejectReason.TickSizeViolation => $"price {Price(command.Price)} is not a multiple of tick size {Price(spec?.TickSize ?? 1)} for {symbol}",
            RejectReason.LotSizeViolation => $"quantity {Quantity(command.Quantity)} is not a multiple of lot size {Quantity(spec?.LotSize ?? 1)} for {symbol}",
            RejectReason.QuantityBelowMinimum => $"quantity {Quantity(command.Quantity)} is below the minimum {Quantity(spec?.MinQuantity ?? 0)} for {symbol}",
            RejectReason.QuantityAboveMaximum => $"quantity {Quantity(command.Quantity)} is above the maximum {Quantity(spec?.MaxQuantity ?? 0)} for {symbol}",
            RejectReason.NotionalAboveMaximum => $"price {Price(command.Price)} x quantity {Quantity(command.Quantity)} exceeds the maximum notional {Price(spec?.MaxNotional ?? 0)} for {symbol}; reduce the quantity",
            RejectReason.PriceOutsideBand => $"price {Price(command.Price)} is outside the {(spec?.PriceBandBps ?? 0) / 100m}% price band around the reference price for {symbol}",
            RejectReason.PostOnlyWouldCross => $"post-only order at {Price(command.Price)} would trade on arrival in {symbol}; move the price away from the opposite best or drop post-only",
            RejectReason.PostOnlyNotAllowed => "post-only applies to resting limit orders only (GTC or GTD), not to market, IOC or FOK orders",
            RejectReason.ExpireTimeInPast => $"expiry {command.ExpireAt} is not after the order's time {command.Timestamp}; choose a later expiry",
            RejectReason.MissingExpireTime => "a good-till-date order needs an expiry time",
            RejectReason.UnknownOrder => $"order {command.OrderId} is not open in {symbol} for account {command.AccountId}",
            RejectReason.AmendNoChange => $"amend of order {command.OrderId} changes neither price nor quantity",
            RejectReason.InvalidSelfTradePrevention => $"self-trade prevention mode {(byte)command.SelfTradePrevention} is not valid; use None, CancelNewest, CancelOldest or CancelBoth",
            RejectReason.SymbolHalted => $"trading in {symbol} is halted; retry after it resumes",
            RejectReason.DuplicateClientOrderId => $"client order id {command.ClientOrderId} was already used by account {command.AccountId} with a different command",
            RejectReason.InvalidCommand => $"command type {(byte)command.Type} is not valid",
            RejectReason.BookFull => $"the book of {symbol} holds its maximum number of resting orders; retry later or send an IOC order",
            RejectReason.RateLimited => "too many messages for this session or address; slow down and retry",
            RejectReason.NotLoggedOn => "log on before sending orders",
            RejectReason.ServiceUnavailable => $"the book of {symbol} did not answer in time; the order's outcome is unknown: retry with the same client order id",
            RejectReason.AccountBlocked => $"account {command.AccountId} is blocked by the exchange's kill switch; orders are refused until an operator lifts it",
            _ => $"rejected ({reason})",
        };
    }
}
