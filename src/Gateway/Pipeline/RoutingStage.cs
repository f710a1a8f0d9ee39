using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Stage;
using LoomExchange.Actors.Protocol;
using LoomExchange.Gateway.Accounts;
using LoomExchange.Gateway.Routing;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// Routing and the outbound side of a session. Requests go to the order-book region with this stage's actor as the
/// sender (a Tell, no Ask); the books' durable answers, the account-events hub's maker fills and expiries and the
/// session's own protocol replies leave in order through one bounded queue. Also: request timeouts
/// (ServiceUnavailable), heartbeats when nothing was sent for an interval, the slow-consumer cut-off, registration
/// with the hub and the session registry, and cancel-on-disconnect when the session ends without Logout.
/// </summary>
internal sealed class RoutingStage : GraphStage<FlowShape<SessionElement, WireMessage>>
{
    public RoutingStage(GatewayContext context, ConnectionInfo connection)
    {
        Context = context;
        Connection = connection;
    }

    internal GatewayContext Context { get; }

    internal ConnectionInfo Connection { get; }

    private readonly Inlet<SessionElement> _in = new("routing.in");
    private readonly Outlet<WireMessage> _out = new("routing.out");

    public override FlowShape<SessionElement, WireMessage> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed partial class Logic : QueueingLogic<SessionElement, WireMessage>
    {
        private const string SweepTimer = "sweep";
        private const string HeartbeatTimer = "heartbeat";
        private const string AbortTimer = "abort";

        /// <summary>How long a slow consumer gets to take its Logout before the connection is aborted.</summary>
        private static readonly TimeSpan SlowConsumerGrace = TimeSpan.FromSeconds(2);

        private readonly GatewayContext _context;
        private readonly ConnectionInfo _connection;
        private readonly Dictionary<long, ClientRequest> _pending = [];
        private readonly List<WireMessage> _reports = [];
        private readonly SlowConsumerRule _slowConsumerRule;
        private readonly int _maxPending;
        private readonly long _timeoutMs;
        private readonly long _resendMs;
        private readonly TimeSpan _sweepInterval;
        private IActorRef _self = ActorRefs.Nobody;
        private SessionInfo? _session;
        private SessionCounters? _counters;
        private SessionReporter? _reporter;
        private long _lastCorrelationId;
        private long _lastSent;
        private long _behindSince;
        private bool _loggedOut;
        private bool _slowConsumer;
        private long _timeouts;
        private long _resends;
        private long _unansweredResends;

        public Logic(RoutingStage stage)
            : base(stage.Shape)
        {
            _context = stage.Context;
            _connection = stage.Connection;
            var options = _context.Options;
            _slowConsumerRule = new SlowConsumerRule(options.OutboundBufferMessages, options.OutboundStallMs);
            _maxPending = options.MaxPendingRequests;
            _timeoutMs = options.RequestTimeoutMs;
            _resendMs = options.RequestResendMs;

            // A quarter of the shorter of the two waits the sweep serves, so each is kept to within a quarter.
            var shortest = _resendMs > 0 ? Math.Min(_timeoutMs, _resendMs) : _timeoutMs;
            _sweepInterval = TimeSpan.FromMilliseconds(Math.Clamp(shortest / 4, 10, 1_000));
        }

        protected override bool WantsInput => !_slowConsumer && _pending.Count < _maxPending;

        public override void PreStart()
        {
            _self = GetStageActor(OnMessage).Ref;
            _lastSent = Environment.TickCount64;
            Pull(In);
        }

        public override void PostStop()
        {
            if (_session is null)
            {
                return;
            }

            _context.AccountEvents.Tell(new UnregisterAccountSession(_session.AccountId, _self));
            _context.SessionRegistry.Tell(new UnregisterSession(_session.SessionId));
            if (!_loggedOut && _session.CancelOnDisconnect)
            {
                CancelOnDisconnect(_session);
            }

            _context.Log.Info(
                "gateway: session {0} (account {1}, {2}) ended: {3}",
                _session.SessionId,
                _session.AccountId,
                _connection.RemoteEndPoint,
                $"{_counters!.MessagesIn} messages in, {_counters.MessagesOut} out, {_counters.Requests} requests, {_counters.Rejects} refused by the gateway, {_resends} sent again ({_unansweredResends} after {_resendMs} ms unanswered), {_timeouts} timed out");
        }

        protected override void OnElement(SessionElement element)
        {
            switch (element)
            {
                case ClientRequest request:
                    Route(request);
                    break;
                case OutgoingMessage outgoing:
                    Send(outgoing.Message);
                    break;
                case SessionOpened opened:
                    Open(opened);
                    break;
                case SessionClosed closed:
                    _loggedOut |= closed.LoggedOut;
                    break;
                default:
                    break;
            }
        }

        protected override void OnPushed(WireMessage element)
        {
            _lastSent = Environment.TickCount64;
            _counters?.MessageOut();
        }

        protected override void OnFault(Exception fault)
        {
            _context.Log.Warning("gateway: fault while routing for {0}: {1}", _connection.RemoteEndPoint, fault);
            Send(new ProtocolError(ProtocolErrorCode.InternalError, 0, "internal error"));
            Send(new Logout(ProtocolErrorCode.InternalError, "internal error"));
            Finish();
        }

        protected override void OnTimer(object timerKey)
        {
            switch (timerKey)
            {
                case SweepTimer:
                    SweepPending();
                    break;
                case HeartbeatTimer:
                    HeartbeatWhenIdle();
                    break;
                case AbortTimer:
                    _context.Log.Warning("gateway: {0} did not take its SlowConsumer logout; aborting the connection", _connection.RemoteEndPoint);
                    FailStage(new SlowConsumerException($"{_connection.RemoteEndPoint} stopped reading"));
                    return;
                default:
                    break;
            }

            Flush();
        }

        private void Open(SessionOpened opened)
        {
            _session = opened.Info;
            _counters = opened.Counters;
            _reporter = new SessionReporter(_session.AccountId);
            _context.AccountEvents.Tell(new RegisterAccountSession(_session.AccountId, _self));
            _context.SessionRegistry.Tell(new RegisterSession(_session, _counters, _self));
            ScheduleOnce(HeartbeatTimer, TimeSpan.FromMilliseconds(_session.HeartbeatIntervalMs));
        }

        private void Route(ClientRequest request)
        {
            var correlationId = ++_lastCorrelationId;
            request.CorrelationId = correlationId;
            var now = Environment.TickCount64;
            request.Deadline = now + _timeoutMs;
            request.ResendAt = NextResend(request, now);
            _pending[correlationId] = request;
            _counters!.Request();

            // The sweep runs only while something is pending: thousands of idle sessions cost no ticks.
            if (_pending.Count == 1 && !IsTimerActive(SweepTimer))
            {
                ScheduleRepeatedly(SweepTimer, _sweepInterval);
            }

            SendToBook(request, correlationId);
        }

        private void SendToBook(ClientRequest request, long correlationId)
        {
            if (request.Message is OrderStatusRequest status)
            {
                _context.OrderBooks.Tell(new GetOrderStatus(request.Symbol, _session!.AccountId, status.OrderId, correlationId), _self);
            }
            else
            {
                _context.OrderBooks.Tell(new BookCommand(request.Symbol, request.Command, correlationId), _self);
            }
        }

        private void OnMessage((IActorRef Sender, object Message) received)
        {
            if (Finishing || _reporter is null)
            {
                return;
            }

            try
            {
                switch (received.Message)
                {
                    case BookCommandResult result when _pending.Remove(result.CorrelationId, out var request):
                        _reporter.OnResult(request, result, _reports);
                        break;
                    case BookCommandResult late:
                        _reporter.OnLateResult(late);
                        break;
                    case OrderStatusResult status when _pending.Remove(status.CorrelationId, out var request):
                        _reporter.OnStatus(request, status, _reports);
                        break;
                    case AccountEvents events:
                        _reporter.OnAccountEvents(events, _reports);
                        break;
                    case ResendPendingRequests resend:
                        Resend(resend);
                        break;
                    case EndSession end:
                        _context.Log.Info("gateway: ending session {0} (account {1}, {2}): {3}", _session!.SessionId, _session.AccountId, _connection.RemoteEndPoint, end.Reason);
                        Send(new Logout(ProtocolErrorCode.SessionEnded, end.Reason));
                        Finish();
                        return;
                    default:
                        break;
                }

                foreach (var report in _reports)
                {
                    Send(report);
                }
            }
#pragma warning disable CA1031 // A fault must end this connection politely, never escape into the materializer.
            catch (Exception fault)
#pragma warning restore CA1031
            {
                OnFault(fault);
            }
            finally
            {
                _reports.Clear();
            }

            Flush();
        }

        /// <summary>Queues one message for the client; a client that lets the queue fill up is cut off.</summary>
        private void Send(WireMessage message)
        {
            if (_slowConsumer)
            {
                return;
            }

            var now = Environment.TickCount64;
            if (Queued < _slowConsumerRule.SoftLimit)
            {
                _behindSince = 0;
            }
            else if (_behindSince == 0)
            {
                _behindSince = now;
            }

            var sinceTaken = now - _lastSent;
            var behind = _behindSince == 0 ? 0 : now - _behindSince;
            if (_slowConsumerRule.Ends(Queued, sinceTaken, behind))
            {
                SlowConsumer(sinceTaken, behind);
                return;
            }

            Enqueue(message);
        }

        private void SlowConsumer(long sinceTaken, long behind)
        {
            _slowConsumer = true;
            var reason = _slowConsumerRule.Reason(Queued, sinceTaken, behind);
            _context.Log.Warning(
                "gateway: {0} ({1}) does not keep up: {2} messages queued, none taken for {3} ms, behind for {4} ms; ending the session (SlowConsumer: {5})",
                _connection.RemoteEndPoint,
                _session is null ? "not logged on" : $"session {_session.SessionId}",
                Queued,
                sinceTaken,
                behind,
                reason);

            // Best effort: the queue is dropped for the Logout; a client that does not take it within the grace is aborted.
            ClearQueue();
            Enqueue(new Logout(ProtocolErrorCode.SlowConsumer, reason));
            ScheduleOnce(AbortTimer, SlowConsumerGrace);
            Finish();
        }

        /// <summary>Sends every unanswered request again with a fresh deadline: the first answer counts, a later one is dropped.</summary>
        private void Resend(ResendPendingRequests resend)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            _context.Log.Info("gateway: session {0} resends {1} unanswered request(s): {2}", _session!.SessionId, _pending.Count, resend.Reason);
            var now = Environment.TickCount64;
            foreach (var (correlationId, request) in _pending)
            {
                if (!request.MaySendAgain)
                {
                    // Without a client order id the book could not tell the repeat from a new order: let it time out.
                    continue;
                }

                request.Deadline = now + _timeoutMs;
                request.ResendAt = NextResend(request, now);
                SendToBook(request, correlationId);
                _resends++;
            }
        }

        private long NextResend(ClientRequest request, long now) =>
            _resendMs > 0 && request.MaySendAgain ? now + _resendMs : long.MaxValue;

        /// <summary>Sends again what waited <c>RequestResendMs</c> unanswered, and answers ServiceUnavailable what passed its deadline.</summary>
        private void SweepPending()
        {
            if (_pending.Count == 0)
            {
                CancelTimer(SweepTimer);
                return;
            }

            var now = Environment.TickCount64;
            foreach (var (correlationId, request) in _pending)
            {
                if (request.Deadline > now)
                {
                    if (request.ResendAt <= now)
                    {
                        SendAgain(request, correlationId, now);
                    }

                    continue;
                }

                // Removing during enumeration is allowed for Dictionary (.NET Core 3+).
                _pending.Remove(correlationId);
                if (_timeouts++ == 0)
                {
                    _context.Log.Warning("gateway: the book of {0} did not answer within {1} ms (session of {2}); answering ServiceUnavailable", request.Symbol, _timeoutMs, _connection.RemoteEndPoint);
                }

                _counters?.Reject();
                Send(ExecutionReports.Rejected(request.Message, RejectReason.ServiceUnavailable));
            }
        }

        /// <summary>
        /// The book has not answered for <c>RequestResendMs</c>: the request may have been lost on the way (a shard region
        /// drops what it buffered for a book that starts moving), so it goes again with the same ids.
        /// </summary>
        private void SendAgain(ClientRequest request, long correlationId, long now)
        {
            _resends++;
            if (_unansweredResends++ == 0)
            {
                _context.Log.Info("gateway: the book of {0} did not answer within {1} ms (session of {2}); sending the request again with the same ids", request.Symbol, _resendMs, _connection.RemoteEndPoint);
            }

            request.ResendAt = now + _resendMs;
            SendToBook(request, correlationId);
        }

        private void HeartbeatWhenIdle()
        {
            var interval = _session!.HeartbeatIntervalMs;
            var idle = Environment.TickCount64 - _lastSent;
            if (idle < interval)
            {
                ScheduleOnce(HeartbeatTimer, TimeSpan.FromMilliseconds(interval - idle));
                return;
            }

            // A client that has not taken what is queued needs no heartbeat on top.
            if (Queued == 0)
            {
                Send(new Heartbeat(0));
            }

            ScheduleOnce(HeartbeatTimer, TimeSpan.FromMilliseconds(interval));
        }

        private void CancelOnDisconnect(SessionInfo session)
        {
            var resting = new List<(string, long)>(_reporter!.Resting.Count);
            foreach (var order in _reporter.Resting.All)
            {
                resting.Add((order.Symbol, order.OrderId));
            }

            var inFlight = new List<BookCommand>();
            foreach (var request in _pending.Values)
            {
                if (request.Message is NewOrder { OrderType: OrderType.Limit, TimeInForce: TimeInForce.Gtc or TimeInForce.Gtd })
                {
                    inFlight.Add(new BookCommand(request.Symbol, request.Command, 0));
                }
            }

            if (resting.Count > 0 || inFlight.Count > 0)
            {
                _context.AccountEvents.Tell(new CancelSessionOrders(session.SessionId, session.AccountId, resting, inFlight));
            }
        }
    }
}
