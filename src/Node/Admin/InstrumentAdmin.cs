using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Protocol;
using LoomExchange.Admin;
using LoomExchange.Messages.Instruments;
using LoomExchange.Node.Configuration;
using LoomExchange.Node.Hosting;

namespace LoomExchange.Node.Admin;

/// <summary>
/// <c>exchange symbol add|update</c>: the book journals the rules first (<see cref="SetInstrument"/>, so they survive
/// restarts and moves), then every node's registry takes them (<see cref="ExchangeReplicator"/>), so the gateways' L3 checks
/// and books started later use them.
/// </summary>
internal static class InstrumentAdmin
{
    public static void MapInstrumentAdmin(this RouteGroupBuilder exchange)
    {
        exchange.MapPost("/symbols", (InstrumentRequest request, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region, IRequiredActor<ExchangeReplicator> replicator) =>
            ListAsync(request, request.Symbol, isAdd: true, registry, region, replicator));
        exchange.MapPut("/symbols/{symbol}", (string symbol, InstrumentRequest request, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region, IRequiredActor<ExchangeReplicator> replicator) =>
            ListAsync(request, symbol, isAdd: false, registry, region, replicator));
    }

    private static async Task<IResult> ListAsync(
        InstrumentRequest request, string? symbol, bool isAdd, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region, IRequiredActor<ExchangeReplicator> replicator)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            return AdminError.BadRequest("symbol_required", "name the symbol");
        }

        var listed = registry.TryGet(symbol, out var current);
        if (isAdd && listed)
        {
            return AdminError.Result(StatusCodes.Status409Conflict, "already_listed", $"{symbol} is already listed; change its rules with 'exchange symbol update'");
        }

        if (!isAdd && !listed)
        {
            return AdminError.NotFound("unknown_symbol", $"{symbol} is not listed; list it with 'exchange symbol add'");
        }

        if (!isAdd && (request.PriceDecimals is { } p && p != current.PriceDecimals || request.QuantityDecimals is { } q && q != current.QuantityDecimals))
        {
            // Resting orders and the journal hold fixed-point units of the current decimals: changing them would rescale every price.
            return AdminError.BadRequest("decimals_immutable", $"the decimals of {symbol} cannot change (orders and the journal are in its current units)");
        }

        InstrumentSpec spec;
        try
        {
            spec = Merge(isAdd ? new InstrumentSettings { Symbol = symbol } : SettingsOf(current), request).ToSpec();
        }
        catch (InvalidOperationException error)
        {
            return AdminError.BadRequest("invalid_instrument", error.Message);
        }

        var problems = spec.Validate();
        if (problems.Count > 0)
        {
            return AdminError.BadRequest("invalid_instrument", $"{symbol}: {string.Join("; ", problems)}");
        }

        try
        {
            var result = await region.ActorRef.Ask<InstrumentResult>(new SetInstrument(spec), ExchangeAdmin.AnswerTimeout).ConfigureAwait(false);
            if (!result.Accepted)
            {
                return AdminError.Result(StatusCodes.Status422UnprocessableEntity, "instrument_refused", $"the book of {symbol} refused the rules: {result.Error}");
            }

            await replicator.ActorRef.Ask<ExchangeReplicator.Replicated>(new ExchangeReplicator.ListInstrument(spec), ExchangeAdmin.AnswerTimeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout($"the book of {symbol} or the replicator");
        }

        return Results.Ok(SymbolView.Of(spec, null));
    }

    private static InstrumentSettings SettingsOf(InstrumentSpec spec) => new()
    {
        Symbol = spec.Symbol,
        PriceDecimals = spec.PriceDecimals,
        QuantityDecimals = spec.QuantityDecimals,
        TickSize = spec.FormatPrice(spec.TickSize),
        LotSize = spec.FormatQuantity(spec.LotSize),
        MinQuantity = spec.FormatQuantity(spec.MinQuantity),
        MaxQuantity = spec.MaxQuantity == InstrumentSpec.MaxValue ? "0" : spec.FormatQuantity(spec.MaxQuantity),
        MaxNotional = spec.FormatPrice(spec.MaxNotional),
        PriceBandPercent = spec.PriceBandBps / 100m,
        ReferencePrice = spec.FormatPrice(spec.ReferencePrice),
    };

    private static InstrumentSettings Merge(InstrumentSettings settings, InstrumentRequest request)
    {
        settings.PriceDecimals = request.PriceDecimals ?? settings.PriceDecimals;
        settings.QuantityDecimals = request.QuantityDecimals ?? settings.QuantityDecimals;
        settings.TickSize = request.TickSize ?? settings.TickSize;
        settings.LotSize = request.LotSize ?? settings.LotSize;
        settings.MinQuantity = request.MinQuantity ?? settings.MinQuantity;
        settings.MaxQuantity = request.MaxQuantity ?? settings.MaxQuantity;
        settings.MaxNotional = request.MaxNotional ?? settings.MaxNotional;
        settings.PriceBandPercent = request.PriceBandPercent ?? settings.PriceBandPercent;
        settings.ReferencePrice = request.ReferencePrice ?? settings.ReferencePrice;
        return settings;
    }
}
