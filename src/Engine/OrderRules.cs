using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

/// <summary>
/// The static order checks of one instrument (risk layer L3): shape, tick and lot, quantity and notional
/// limits, price band. Pure and allocation-free, so the gateway can run them before routing and the book
/// runs them again as the authority. Checks run in a fixed order and the first failure is reported.
/// </summary>
public sealed class OrderRules
{
    private readonly long _tickSize;
    private readonly long _lotSize;
    private readonly long _minQuantity;
    private readonly long _maxQuantity;
    private readonly Int128 _maxNotionalScaled;
    private readonly long _bandBps;

    public OrderRules(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = spec.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"instrument {spec.Symbol} is invalid: {string.Join("; ", problems)}", nameof(spec));
        }

        Spec = spec;
        _tickSize = spec.TickSize;
        _lotSize = spec.LotSize;
        _minQuantity = spec.MinQuantity;
        _maxQuantity = spec.MaxQuantity;
        _bandBps = spec.PriceBandBps;

        // Notional in price units is price * quantity / 10^QuantityDecimals; compare without dividing.
        Int128 scale = 1;
        for (var i = 0; i < spec.QuantityDecimals; i++)
        {
            scale *= 10;
        }

        _maxNotionalScaled = spec.MaxNotional == 0 ? Int128.MaxValue : spec.MaxNotional * scale;
    }

    public InstrumentSpec Spec { get; }

    /// <summary>Checks a new order against the rules; <paramref name="referencePrice"/> centres the band (0 = no band).</summary>
    public RejectReason CheckPlace(in OrderCommand command, long referencePrice)
    {
        if (command.Side is not (Side.Buy or Side.Sell))
        {
            return RejectReason.InvalidSide;
        }

        var isMarket = command.OrderType == OrderType.Market;
        if (!isMarket && command.OrderType != OrderType.Limit)
        {
            return RejectReason.InvalidOrderType;
        }

        var tif = command.TimeInForce;
        if (tif is not (TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok or TimeInForce.Gtd)
            || (isMarket && tif is TimeInForce.Gtc or TimeInForce.Gtd))
        {
            return RejectReason.InvalidTimeInForce;
        }

        if (command.SelfTradePrevention > SelfTradePrevention.CancelBoth)
        {
            return RejectReason.InvalidSelfTradePrevention;
        }

        if (command.PostOnly && (isMarket || tif is TimeInForce.Ioc or TimeInForce.Fok))
        {
            return RejectReason.PostOnlyNotAllowed;
        }

        var quantityCheck = CheckQuantity(command.Quantity);
        if (quantityCheck != RejectReason.None)
        {
            return quantityCheck;
        }

        if (command.Quantity < _minQuantity)
        {
            return RejectReason.QuantityBelowMinimum;
        }

        if (!isMarket)
        {
            var priceCheck = CheckPrice(command.Price, command.Quantity, referencePrice);
            if (priceCheck != RejectReason.None)
            {
                return priceCheck;
            }
        }

        if (tif == TimeInForce.Gtd)
        {
            if (command.ExpireAt <= 0)
            {
                return RejectReason.MissingExpireTime;
            }

            if (command.ExpireAt <= command.Timestamp)
            {
                return RejectReason.ExpireTimeInPast;
            }
        }

        return RejectReason.None;
    }

    /// <summary>
    /// Checks the new price and open quantity of an amend. There is no minimum: a partly filled order's
    /// remainder may already be below it. The band applies only when the price changes.
    /// </summary>
    public RejectReason CheckAmend(long currentPrice, in OrderCommand command, long referencePrice)
    {
        var quantityCheck = CheckQuantity(command.Quantity);
        if (quantityCheck != RejectReason.None)
        {
            return quantityCheck;
        }

        return CheckPrice(command.Price, command.Quantity, command.Price == currentPrice ? 0 : referencePrice);
    }

    private RejectReason CheckQuantity(long quantity)
    {
        if (quantity is <= 0 or > InstrumentSpec.MaxValue)
        {
            return RejectReason.InvalidQuantity;
        }

        if (quantity % _lotSize != 0)
        {
            return RejectReason.LotSizeViolation;
        }

        return quantity > _maxQuantity ? RejectReason.QuantityAboveMaximum : RejectReason.None;
    }

    private RejectReason CheckPrice(long price, long quantity, long referencePrice)
    {
        if (price is <= 0 or > InstrumentSpec.MaxValue)
        {
            return RejectReason.InvalidPrice;
        }

        if (price % _tickSize != 0)
        {
            return RejectReason.TickSizeViolation;
        }

        if ((Int128)price * quantity > _maxNotionalScaled)
        {
            return RejectReason.NotionalAboveMaximum;
        }

        if (_bandBps > 0 && referencePrice > 0)
        {
            var distance = Math.Abs(price - referencePrice);
            if ((Int128)distance * 10_000 > (Int128)referencePrice * _bandBps)
            {
                return RejectReason.PriceOutsideBand;
            }
        }

        return RejectReason.None;
    }
}
