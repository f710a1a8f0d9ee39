using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Risk;
using LoomExchange.Admin;
using LoomExchange.Messages.Orders;
using LoomExchange.Node.Hosting;

namespace LoomExchange.Node.Admin;

/// <summary>
/// <c>exchange kill-switch ACCOUNT [--lift]</c>: block first (every node's books then refuse the account's places and
/// amends with <c>AccountBlocked</c>), then mass-cancel the account's orders in every listed symbol.
/// </summary>
internal static class KillSwitchAdmin
{
    private static long _correlationId;

    public static void MapKillSwitchAdmin(this RouteGroupBuilder exchange)
    {
        exchange.MapGet("/kill-switch", (AccountBlocklist blocklist) => Results.Ok(new { accounts = blocklist.Accounts.Order().ToList() }));
        exchange.MapPost("/kill-switch/{account:long}", BlockAsync);
        exchange.MapPost("/kill-switch/{account:long}/lift", LiftAsync);
    }

    private static async Task<IResult> BlockAsync(long account, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region, IRequiredActor<ExchangeReplicator> replicator)
    {
        ExchangeReplicator.Replicated replicated;
        try
        {
            replicated = await replicator.ActorRef.Ask<ExchangeReplicator.Replicated>(new ExchangeReplicator.SetAccountBlock(account, true), ExchangeAdmin.AnswerTimeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout("the replicator");
        }

        var symbols = registry.All.Select(s => s.Symbol).Order(StringComparer.Ordinal).ToList();
        var cancels = await Task.WhenAll(symbols.Select(async symbol =>
        {
            var command = new BookCommand(symbol, OrderCommand.MassCancel(account, timestamp: 0), Interlocked.Increment(ref _correlationId));
            try
            {
                var result = await region.ActorRef.Ask<BookCommandResult>(command, ExchangeAdmin.AnswerTimeout).ConfigureAwait(false);
                return (long?)result.Events.Count(e => e.Type == EventType.Cancelled);
            }
            catch (AskTimeoutException)
            {
                return null;
            }
        })).ConfigureAwait(false);
        var unanswered = symbols.Where((_, i) => cancels[i] is null).ToList();
        return Results.Ok(new KillSwitchView(
            account,
            Blocked: true,
            replicated.ToAll,
            symbols.Select((s, i) => (s, cancels[i])).Where(x => x.Item2 is not null).ToDictionary(x => x.s, x => x.Item2!.Value, StringComparer.Ordinal),
            unanswered));
    }

    private static async Task<IResult> LiftAsync(long account, IRequiredActor<ExchangeReplicator> replicator)
    {
        try
        {
            var replicated = await replicator.ActorRef.Ask<ExchangeReplicator.Replicated>(new ExchangeReplicator.SetAccountBlock(account, false), ExchangeAdmin.AnswerTimeout).ConfigureAwait(false);
            return Results.Ok(new KillSwitchView(account, Blocked: false, replicated.ToAll, new Dictionary<string, long>(), []));
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout("the replicator");
        }
    }
}
