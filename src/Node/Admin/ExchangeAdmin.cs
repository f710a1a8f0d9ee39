using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Protocol;
using LoomExchange.Admin;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Instruments;
using LoomExchange.Node.Hosting;
using LoomExchange.Node.Http;

namespace LoomExchange.Node.Admin;

/// <summary>
/// The exchange palette of the admin API (<c>/admin/exchange/…</c>), on exchange nodes only: symbols (and add/update),
/// halt and resume, book depth, one order, snapshot and replay, this node's sessions and kick, and the kill switch. Books are reached through the shard region, so any node answers
/// for any symbol; sessions are the answering node's own.
/// </summary>
public static class ExchangeAdmin
{
    /// <summary>The shard region of the order books (as registered in the composition root).</summary>
    public const string OrderBookRegionName = "orderbook";

    internal static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapExchangePalette(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var exchange = admin.MapGroup("/exchange");
        exchange.MapGet("/symbols", SymbolsAsync);
        exchange.MapPost("/symbols/{symbol}/halt", (string symbol, HaltRequest? request, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region) =>
            HaltAsync(symbol, halted: true, request?.Reason, registry, region));
        exchange.MapPost("/symbols/{symbol}/resume", (string symbol, HaltRequest? request, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region) =>
            HaltAsync(symbol, halted: false, request?.Reason, registry, region));
        exchange.MapGet("/books/{symbol}", BookAsync);
        exchange.MapGet("/books/{symbol}/orders/{orderId:long}", OrderAsync);
        exchange.MapGet("/sessions", SessionsAsync);
        exchange.MapPost("/sessions/{sessionId:long}/kick", KickAsync);
        exchange.MapInstrumentAdmin();
        exchange.MapBookHistoryAdmin();
        exchange.MapKillSwitchAdmin();
        return exchange;
    }

    /// <summary>Every listed symbol with its rules and its book's status (asked of each book in parallel).</summary>
    private static async Task<IResult> SymbolsAsync(InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        var specs = registry.All.OrderBy(s => s.Symbol, StringComparer.Ordinal).ToList();
        var statuses = await Task.WhenAll(specs.Select(async spec =>
        {
            try
            {
                return await region.ActorRef.Ask<BookStatus>(new GetBookStatus(spec.Symbol), AnswerTimeout).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                return null;
            }
        })).ConfigureAwait(false);
        return Results.Ok(specs.Select((spec, i) => SymbolView.Of(spec, statuses[i])).ToList());
    }

    private static async Task<IResult> HaltAsync(string symbol, bool halted, string? reason, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await AskAsync(region, new SetTradingHalt(spec.Symbol, halted, reason ?? (halted ? "halted by operator" : "resumed by operator")), (BookStatus status) =>
            Results.Ok(SymbolView.Of(spec, status))).ConfigureAwait(false);
    }

    private static async Task<IResult> BookAsync(string symbol, int? depth, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await AskAsync(region, new GetBookDepth(spec.Symbol, Math.Clamp(depth ?? 10, 1, 1000)), (BookDepth answer) =>
            Results.Ok(OrderResponseMapper.ToResponse(answer, spec))).ConfigureAwait(false);
    }

    /// <summary>Any account's resting order, found in the book's order list (an operator query; it copies the book once).</summary>
    private static async Task<IResult> OrderAsync(string symbol, long orderId, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await AskAsync(region, new GetBookOrders(spec.Symbol, 100_000), (BookOrders orders) =>
        {
            var view = OrderResponseMapper.ToResponse(orders, spec).Orders.FirstOrDefault(o => o.OrderId == orderId);
            return view is null
                ? AdminError.NotFound("order_not_found", $"order {orderId} does not rest in {spec.Symbol} (unknown, filled, cancelled or expired)")
                : Results.Ok(view);
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> SessionsAsync(IRequiredActor<SessionRegistry> sessions)
    {
        try
        {
            var list = await sessions.ActorRef.Ask<SessionList>(ListSessions.Instance, AnswerTimeout).ConfigureAwait(false);
            return Results.Ok(list.Sessions);
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout("the session registry");
        }
    }

    private static async Task<IResult> KickAsync(long sessionId, HaltRequest? request, IRequiredActor<SessionRegistry> sessions)
    {
        try
        {
            var result = await sessions.ActorRef.Ask<KickResult>(new KickSession(sessionId, request?.Reason ?? "ended by operator"), AnswerTimeout).ConfigureAwait(false);
            return result.Found
                ? Results.Ok(result)
                : AdminError.NotFound("unknown_session", $"no live session {sessionId} on this node; 'exchange sessions' lists them (sessions are per node: use --node)");
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout("the session registry");
        }
    }

    internal static async Task<IResult> AskAsync<TAnswer>(IRequiredActor<OrderBookRegion> region, IBookMessage question, Func<TAnswer, IResult> answer)
    {
        try
        {
            return answer(await region.ActorRef.Ask<TAnswer>(question, AnswerTimeout).ConfigureAwait(false));
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout($"the book of {question.Symbol}");
        }
    }

    internal static bool TryGetSpec(string symbol, InstrumentRegistry registry, out InstrumentSpec spec, out IResult unknown)
    {
        if (registry.TryGet(symbol, out spec))
        {
            unknown = Results.Empty;
            return true;
        }

        unknown = AdminError.NotFound(
            "unknown_symbol",
            $"symbol '{symbol}' is not listed; listed: {string.Join(", ", registry.All.Select(s => s.Symbol).Order(StringComparer.Ordinal))}");
        return false;
    }
}
