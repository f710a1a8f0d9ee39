using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;
using LoomExchange.Node.Hosting;

namespace LoomExchange.Node.Http;

/// <summary>
/// A minimal HTTP order API for tests and humans (the binary and WebSocket gateways are the production path):
/// place, cancel, amend, book depth and status. Answers come only after the book has journaled the command.
/// </summary>
public static class OrderEndpoints
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private static long _correlationId;

    public static void MapOrderApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/instruments", (InstrumentRegistry registry) => Results.Ok(registry.All.OrderBy(s => s.Symbol, StringComparer.Ordinal)));
        api.MapPost("/orders", PlaceAsync);
        api.MapDelete("/orders/{symbol}/{orderId:long}", CancelAsync);
        api.MapPatch("/orders/{symbol}/{orderId:long}", AmendAsync);
        api.MapGet("/books/{symbol}", DepthAsync);
        api.MapGet("/books/{symbol}/status", StatusAsync);
        api.MapGet("/books/{symbol}/orders", OrdersAsync);
    }

    private static async Task<IResult> PlaceAsync(PlaceOrderRequest request, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(request.Symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        if (!OrderRequestParser.TryParsePlace(request, spec, out var command, out var error))
        {
            return Results.BadRequest(error);
        }

        return await SendAsync(region, spec, command).ConfigureAwait(false);
    }

    private static async Task<IResult> CancelAsync(string symbol, long orderId, long account, long? clientOrderId, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await SendAsync(region, spec, OrderCommand.Cancel(account, orderId, timestamp: 0, clientOrderId ?? 0)).ConfigureAwait(false);
    }

    private static async Task<IResult> AmendAsync(string symbol, long orderId, AmendOrderRequest request, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        if (!OrderRequestParser.TryParseAmend(request, orderId, spec, out var command, out var error))
        {
            return Results.BadRequest(error);
        }

        return await SendAsync(region, spec, command).ConfigureAwait(false);
    }

    private static async Task<IResult> DepthAsync(string symbol, int? depth, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await QueryAsync<BookDepth>(region, new GetBookDepth(spec.Symbol, Math.Clamp(depth ?? 10, 1, 1000)), answer => OrderResponseMapper.ToResponse(answer, spec)).ConfigureAwait(false);
    }

    private static async Task<IResult> OrdersAsync(string symbol, int? max, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await QueryAsync<BookOrders>(region, new GetBookOrders(spec.Symbol, Math.Clamp(max ?? 1000, 1, 100_000)), answer => OrderResponseMapper.ToResponse(answer, spec)).ConfigureAwait(false);
    }

    private static async Task<IResult> StatusAsync(string symbol, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await QueryAsync<BookStatus>(region, new GetBookStatus(spec.Symbol), status => status).ConfigureAwait(false);
    }

    /// <summary>
    /// A read of a book. No answer in time is not a server fault: the book may be recovering or moving to another node
    /// (a failover, a hand-off), so the caller gets 503 with a reason code and may simply ask again.
    /// </summary>
    private static async Task<IResult> QueryAsync<T>(IRequiredActor<OrderBookRegion> region, IBookMessage query, Func<T, object> toResponse)
    {
        try
        {
            return Results.Ok(toResponse(await region.ActorRef.Ask<T>(query, AnswerTimeout).ConfigureAwait(false)));
        }
        catch (AskTimeoutException)
        {
            return Results.Json(
                new ApiError($"the book of {query.Symbol} did not answer within {AnswerTimeout.TotalSeconds:0} s (recovering or moving to another node); ask again", "Unavailable"),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> SendAsync(IRequiredActor<OrderBookRegion> region, InstrumentSpec spec, OrderCommand command)
    {
        var message = new BookCommand(spec.Symbol, command, Interlocked.Increment(ref _correlationId));
        try
        {
            var result = await region.ActorRef.Ask<BookCommandResult>(message, AnswerTimeout).ConfigureAwait(false);
            return Results.Ok(OrderResponseMapper.ToResponse(result, command, spec));
        }
        catch (AskTimeoutException)
        {
            return Results.Json(
                new ApiError($"no durable answer within {AnswerTimeout.TotalSeconds:0} s; the outcome is unknown: retry with the same clientOrderId", "Timeout"),
                statusCode: StatusCodes.Status504GatewayTimeout);
        }
    }

    private static bool TryGetSpec(string? symbol, InstrumentRegistry registry, out InstrumentSpec spec, out IResult unknown)
    {
        if (symbol is not null && registry.TryGet(symbol, out spec))
        {
            unknown = Results.Empty;
            return true;
        }

        spec = null!;
        unknown = Results.NotFound(new ApiError($"symbol '{symbol}' is not listed", nameof(RejectReason.UnknownSymbol), (int)RejectReason.UnknownSymbol));
        return false;
    }
}
