using Akka.Actor;
using Akka.Event;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Gateway.Accounts;

/// <summary>
/// The node's account-events target (<c>/user/account-events</c>): books send it the maker fills and expiries of each
/// journaled batch (<see cref="AccountEvents"/>); it forwards each account's events to that account's live sessions on
/// this node (sessions register on logon, unregister at the end, and are watched). It also carries out
/// cancel-on-disconnect for sessions that are gone, as the sender of those cancels.
/// </summary>
/// <remarks>
/// A book sends to the hub of its own node. Until books on one node reach sessions on another (a later cluster issue:
/// e.g. per-account topics over distributed pub-sub), a maker's session gets its fills when it is connected to a node
/// that hosts the book, which is always the case on a single node.
/// </remarks>
public sealed class AccountEventsHub : ReceiveActor
{
    public const string Name = "account-events";

    /// <summary>Order-id lookups of cancel-on-disconnect in flight, at most; beyond it, in-flight places are not chased.</summary>
    private const int MaxChases = 100_000;

    private readonly Dictionary<long, List<IActorRef>> _sessionsByAccount = [];
    private readonly Dictionary<IActorRef, long> _accountBySession = [];
    private readonly Dictionary<long, List<OrderEvent>> _scratch = [];
    private readonly Dictionary<long, (long AccountId, long SessionId)> _chases = [];
    private readonly IActorRef _orderBooks;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _lastChaseId;

    public AccountEventsHub(IActorRef orderBooks)
    {
        _orderBooks = orderBooks;
        Receive<AccountEvents>(Deliver);
        Receive<RegisterAccountSession>(Register);
        Receive<UnregisterAccountSession>(u => Remove(u.Session));
        Receive<Terminated>(t => Remove(t.ActorRef));
        Receive<CancelSessionOrders>(CancelOrders);
        Receive<BookCommandResult>(OnCancelAnswer);
        Receive<GetAccountSessionCount>(_ => Sender.Tell(_accountBySession.Count));
    }

    public static Props Props(IActorRef orderBooks) => Akka.Actor.Props.Create(() => new AccountEventsHub(orderBooks));

    private void Register(RegisterAccountSession registration)
    {
        if (_accountBySession.ContainsKey(registration.Session))
        {
            return;
        }

        if (!_sessionsByAccount.TryGetValue(registration.AccountId, out var sessions))
        {
            sessions = new List<IActorRef>(1);
            _sessionsByAccount[registration.AccountId] = sessions;
        }

        sessions.Add(registration.Session);
        _accountBySession[registration.Session] = registration.AccountId;
        Context.Watch(registration.Session);
    }

    private void Remove(IActorRef session)
    {
        if (!_accountBySession.Remove(session, out var accountId))
        {
            return;
        }

        Context.Unwatch(session);
        if (_sessionsByAccount.TryGetValue(accountId, out var sessions))
        {
            sessions.Remove(session);
            if (sessions.Count == 0)
            {
                _sessionsByAccount.Remove(accountId);
            }
        }
    }

    private void Deliver(AccountEvents events)
    {
        // Group by the account concerned; most batches concern few accounts, and most of those have no session here.
        foreach (var e in events.Events)
        {
            var accountId = e.Type switch
            {
                EventType.Trade => e.MakerAccountId,
                EventType.Expired => e.AccountId,
                _ => 0,
            };
            if (accountId == 0 || !_sessionsByAccount.ContainsKey(accountId))
            {
                continue;
            }

            if (!_scratch.TryGetValue(accountId, out var list))
            {
                list = [];
                _scratch[accountId] = list;
            }

            list.Add(e);
        }

        foreach (var (accountId, list) in _scratch)
        {
            if (list.Count == 0)
            {
                continue;
            }

            var forAccount = new AccountEvents(events.Symbol, list.ToArray());
            foreach (var session in _sessionsByAccount[accountId])
            {
                session.Tell(forAccount);
            }

            list.Clear();
        }

        // Keep the scratch lists of accounts still connected, drop the others so the map does not grow without bound.
        if (_scratch.Count > _sessionsByAccount.Count)
        {
            _scratch.Clear();
        }
    }

    private void CancelOrders(CancelSessionOrders request)
    {
        _log.Info(
            "cancel-on-disconnect: session {0} (account {1}): cancelling {2} resting orders, looking up {3} unanswered places",
            request.SessionId, request.AccountId, request.Resting.Count, request.InFlight.Count);
        foreach (var (symbol, orderId) in request.Resting)
        {
            _orderBooks.Tell(new BookCommand(symbol, OrderCommand.Cancel(request.AccountId, orderId, 0), 0), Self);
        }

        foreach (var place in request.InFlight)
        {
            if (_chases.Count >= MaxChases)
            {
                _log.Warning("cancel-on-disconnect: {0} lookups in flight; place {1} of account {2} is not chased", MaxChases, place.Command.ClientOrderId, request.AccountId);
                continue;
            }

            // A retry with the same client order id is answered with the original order id and creates nothing.
            var chaseId = ++_lastChaseId;
            _chases[chaseId] = (request.AccountId, request.SessionId);
            _orderBooks.Tell(place with { CorrelationId = chaseId }, Self);
        }
    }

    private void OnCancelAnswer(BookCommandResult result)
    {
        if (result.CorrelationId == 0 || !_chases.Remove(result.CorrelationId, out var chase))
        {
            if (result.Status == CommandStatus.Rejected && result.RejectReason != RejectReason.UnknownOrder)
            {
                _log.Warning("cancel-on-disconnect: cancel of order {0} in {1} refused: {2}", result.OrderId, result.Symbol, result.RejectReason);
            }

            return;
        }

        if (result.OrderId != 0 && result.RejectReason == RejectReason.None)
        {
            _orderBooks.Tell(new BookCommand(result.Symbol, OrderCommand.Cancel(chase.AccountId, result.OrderId, 0), 0), Self);
        }
    }
}
