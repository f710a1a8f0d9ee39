using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Node.Http;

/// <summary>Turns HTTP order requests into engine commands, refusing malformed input with a clear error and reason code.</summary>
public static class OrderRequestParser
{
    public static bool TryParsePlace(PlaceOrderRequest request, InstrumentSpec spec, out OrderCommand command, out ApiError? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        command = default;
        if (!TryEnum<Side>(request.Side, "side", "buy or sell", RejectReason.InvalidSide, out var side, out error)
            || !TryEnum(request.Type ?? "limit", "type", "limit or market", RejectReason.InvalidOrderType, out OrderType type, out error))
        {
            return false;
        }

        var defaultTif = type == OrderType.Market ? "ioc" : "gtc";
        if (!TryEnum(request.TimeInForce ?? defaultTif, "timeInForce", "gtc, ioc, fok or gtd", RejectReason.InvalidTimeInForce, out TimeInForce tif, out error)
            || !TryEnum(request.SelfTradePrevention ?? "none", "selfTradePrevention", "none, cancel-newest, cancel-oldest or cancel-both", RejectReason.InvalidSelfTradePrevention, out SelfTradePrevention stp, out error)
            || !TryAmount(request.Quantity, spec.QuantityDecimals, "quantity", RejectReason.InvalidQuantity, out var quantity, out error))
        {
            return false;
        }

        long price = 0;
        if (type == OrderType.Limit && !TryAmount(request.Price, spec.PriceDecimals, "price", RejectReason.InvalidPrice, out price, out error))
        {
            return false;
        }

        command = new OrderCommand
        {
            Type = CommandType.Place,
            AccountId = request.Account,
            ClientOrderId = request.ClientOrderId,
            Side = side,
            OrderType = type,
            TimeInForce = tif,
            SelfTradePrevention = stp,
            PostOnly = request.PostOnly,
            Price = price,
            Quantity = quantity,
            ExpireAt = request.ExpireAt,
        };
        return true;
    }

    public static bool TryParseAmend(AmendOrderRequest request, long orderId, InstrumentSpec spec, out OrderCommand command, out ApiError? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        command = default;
        if (!TryAmount(request.Price, spec.PriceDecimals, "price", RejectReason.InvalidPrice, out var price, out error)
            || !TryAmount(request.Quantity, spec.QuantityDecimals, "quantity", RejectReason.InvalidQuantity, out var quantity, out error))
        {
            return false;
        }

        command = OrderCommand.Amend(request.Account, orderId, price, quantity, timestamp: 0, request.ClientOrderId);
        return true;
    }

    private static bool TryAmount(string? text, int decimals, string field, RejectReason reason, out long value, out ApiError? error)
    {
        if (text is not null && text.Length <= 40 && FixedPoint.TryParse(text, decimals, out value))
        {
            error = null;
            return true;
        }

        value = 0;
        error = new ApiError($"{field} '{text}' is not a number with at most {decimals} decimals", reason.ToString(), (int)reason);
        return false;
    }

    private static bool TryEnum<T>(string? text, string field, string allowed, RejectReason reason, out T value, out ApiError? error)
        where T : struct, Enum
    {
        var normalized = text?.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (normalized is { Length: > 0 and <= 32 }
            && !char.IsDigit(normalized[0])
            && Enum.TryParse(normalized, ignoreCase: true, out value))
        {
            error = null;
            return true;
        }

        value = default;
        error = new ApiError($"{field} '{text}' is not valid; use {allowed}", reason.ToString(), (int)reason);
        return false;
    }
}
