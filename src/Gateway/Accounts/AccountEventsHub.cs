using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
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
/// A book sends to the hub of its own node, but the maker's session may be on any node. In a cluster the hubs meet
/// through distributed pub-sub: a hub subscribes to the topic of each account that has a session on its node, and
/// publishes what its books send, split by account, to those topics (the local subscriber included). Without a mediator
/// (a process without a cluster) it delivers to its own sessions directly.
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
    private readonly IActorRef? _mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _lastChaseId;

    public AccountEventsHub(IActorRef orderBooks, IActorRef? mediator)
    {
        _orderBooks = orderBooks;
        _mediator = mediator;
        Receive<AccountEvents>(events =>
        {
            // From a book: share with every hub that has sessions of these accounts. From a hub (pub-sub): ours to deliver.
            if (_mediator is null || IsHub(Sender))
            {
                Deliver(events);
            }
            else
            {
                Publish(events);
            }
        });
        Receive<SubscribeAck>(_ => { });
        Receive<UnsubscribeAck>(_ => { });
        Receive<RegisterAccountSession>(Register);
        Receive<UnregisterAccountSession>(u => Remove(u.Session));
        Receive<Terminated>(t => Remove(t.ActorRef));
        Receive<CancelSessionOrders>(CancelOrders);
        Receive<BookCommandResult>(OnCancelAnswer);
        Receive<GetAccountSessionCount>(_ => Sender.Tell(_accountBySession.Count));
    }

    /// <summary>The pub-sub topic of one account's maker fills and expiries.</summary>
    public static string TopicOf(long accountId) => "account-events-" + accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="orderBooks">The order-book region (cancel-on-disconnect).</param>
    /// <param name="mediator">The distributed pub-sub mediator in a cluster; null delivers to this node's sessions only.</param>
    public static Props Props(IActorRef orderBooks, IActorRef? mediator) => Akka.Actor.Props.Create(() => new AccountEventsHub(orderBooks, mediator));

    private static bool IsHub(IActorRef sender) =>
        sender.Path.Elements.Count == 2 && sender.Path.Elements[0] == "user" && sender.Path.Elements[1] == Name;

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
            _mediator?.Tell(new Subscribe(TopicOf(registration.AccountId), Self));
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
                _mediator?.Tell(new Unsubscribe(TopicOf(accountId), Self));
            }
        }
    }

    private void Deliver(AccountEvents events)
    {
        GroupByAccount(events, localOnly: true);
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

        TrimScratch();
    }

    private void Publish(AccountEvents events)
    {
        GroupByAccount(events, localOnly: false);
        foreach (var (accountId, list) in _scratch)
        {
            if (list.Count > 0)
            {
                _mediator!.Tell(new Publish(TopicOf(accountId), new AccountEvents(events.Symbol, list.ToArray())), Self);
                list.Clear();
            }
        }

        TrimScratch();
    }

    /// <summary>Fills the scratch lists with the events of each account concerned (maker side of trades, expiries).</summary>
    private void GroupByAccount(AccountEvents events, bool localOnly)
    {
        var all = events.Events;
        for (var i = 0; i < all.Count; i++)
        {
            var e = all[i];
            var accountId = e.Type switch
            {
                EventType.Trade => e.MakerAccountId,
                EventType.Expired => e.AccountId,
                _ => 0,
            };
            if (accountId == 0 || (localOnly && !_sessionsByAccount.ContainsKey(accountId)))
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
    }

    // The scratch lists are reused between batches; drop them when they outnumber the connected accounts, so the map
    // does not grow with every account that ever traded.
    private void TrimScratch()
    {
        if (_scratch.Count > Math.Max(64, _sessionsByAccount.Count * 2))
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
