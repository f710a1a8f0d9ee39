using System.Text;
using System.Text.Json;
using LoomExchange.Cli.Orders;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Output;

/// <summary>Execution reports for people (one line, decimal prices) or scripts (one JSON object per line).</summary>
internal static class ReportPrinter
{
    public static string Format(ExecutionReport report, InstrumentSpec? spec, bool json) => json ? Json(report, spec) : Human(report, spec);

    public static string Human(ExecutionReport r, InstrumentSpec? spec)
    {
        string P(long units) => UnitText.FormatPrice(units, spec);
        string Q(long units) => UnitText.FormatQuantity(units, spec);
        var order = $"{r.Symbol} order {r.OrderId} (client order id {r.ClientOrderId})";
        var text = r.ExecType switch
        {
            ExecType.Accepted => $"{order} {r.Side} {Q(r.Quantity)} @ {P(r.Price)}, leaves {Q(r.LeavesQuantity)}",
            ExecType.PartialFill or ExecType.Fill =>
                $"{order} {r.Side}: traded {Q(r.LastQuantity)} @ {P(r.LastPrice)} (trade {r.TradeId}), leaves {Q(r.LeavesQuantity)}",
            ExecType.Cancelled => $"{order}: {Q(r.Quantity)} cancelled ({r.CancelReason}), leaves {Q(r.LeavesQuantity)}",
            ExecType.Amended => $"{order}: now {Q(r.LeavesQuantity)} @ {P(r.Price)}",
            ExecType.Expired => $"{order}: {Q(r.Quantity)} expired",
            ExecType.Status => $"{order} {r.Side} {Q(r.Quantity)} @ {P(r.Price)}, leaves {Q(r.LeavesQuantity)}",
            ExecType.MassCancelDone => $"{r.Symbol} (client order id {r.ClientOrderId}): {r.Quantity} order(s) cancelled",
            ExecType.Rejected => $"{r.Symbol} (client order id {r.ClientOrderId}): {r.RejectReason} ({(int)r.RejectReason}){RejectHint(r.RejectReason)}",
            _ => $"{order}",
        };
        return $"{r.ExecType,-14} {text}";
    }

    public static string Json(ExecutionReport r, InstrumentSpec? spec)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("execType", r.ExecType.ToString());
            json.WriteNumber("clientOrderId", r.ClientOrderId);
            json.WriteString("symbol", r.Symbol);
            json.WriteNumber("orderId", r.OrderId);
            json.WriteString("side", r.Side.ToString());
            Units(json, "price", r.Price, spec, isPrice: true);
            Units(json, "quantity", r.Quantity, r.ExecType == ExecType.MassCancelDone ? null : spec, isPrice: false);
            Units(json, "leavesQuantity", r.LeavesQuantity, spec, isPrice: false);
            Units(json, "lastPrice", r.LastPrice, spec, isPrice: true);
            Units(json, "lastQuantity", r.LastQuantity, spec, isPrice: false);
            json.WriteNumber("tradeId", r.TradeId);
            json.WriteString("rejectReason", r.RejectReason.ToString());
            json.WriteNumber("rejectCode", (int)r.RejectReason);
            json.WriteString("cancelReason", r.CancelReason.ToString());
            json.WriteNumber("timestamp", r.Timestamp);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Decimal text when the spec is known (exact, no floating point); raw integer units otherwise.
    private static void Units(Utf8JsonWriter json, string name, long units, InstrumentSpec? spec, bool isPrice)
    {
        if (spec is null)
        {
            json.WriteNumber(name, units);
        }
        else
        {
            json.WriteString(name, isPrice ? spec.FormatPrice(units) : spec.FormatQuantity(units));
        }
    }

    private static string RejectHint(RejectReason reason) => reason switch
    {
        RejectReason.TickSizeViolation => ": the price must be a multiple of the tick size",
        RejectReason.LotSizeViolation => ": the quantity must be a multiple of the lot size",
        RejectReason.UnknownOrder => ": no such open order of this account",
        RejectReason.UnknownSymbol => ": the symbol is not listed",
        RejectReason.ServiceUnavailable => ": the book did not answer in time; retry with the same --client-order-id",
        RejectReason.RateLimited => ": over the rate limit; slow down",
        RejectReason.AccountBlocked => ": the account's kill switch is on; an operator must lift it",
        _ => string.Empty,
    };
}
