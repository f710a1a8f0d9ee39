using Akka.Event;
using Akka.Streams;
using Akka.Streams.Stage;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Gateway.Routing;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// The session layer: the first message must be a Logon with a known API key; client sequence numbers rise by one;
/// TestRequest is answered at once; nothing received for three heartbeat intervals ends the session (IdleTimeout);
/// Logout is answered and closes. Every protocol violation answers ProtocolError + Logout and closes.
/// </summary>
internal sealed class SessionStage : GraphStage<FlowShape<DecodeResult, SessionElement>>
{
    public SessionStage(GatewayContext context, ConnectionInfo connection)
    {
        Context = context;
        Connection = connection;
    }

    internal GatewayContext Context { get; }

    internal ConnectionInfo Connection { get; }

    private readonly Inlet<DecodeResult> _in = new("session.in");
    private readonly Outlet<SessionElement> _out = new("session.out");

    public override FlowShape<DecodeResult, SessionElement> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : QueueingLogic<DecodeResult, SessionElement>
    {
        private const string IdleTimer = "idle";
        private readonly GatewayContext _context;
        private readonly ConnectionInfo _connection;
        private SessionInfo? _session;
        private SessionCounters? _counters;
        private long _expectedSequence = 1;
        private long _lastReceived;
        private long _idleTimeoutMs;

        public Logic(SessionStage stage)
            : base(stage.Shape)
        {
            _context = stage.Context;
            _connection = stage.Connection;
        }

        public override void PreStart()
        {
            _lastReceived = Environment.TickCount64;
            WatchIdle(_context.Options.DefaultHeartbeatMs);
        }

        public override void PostStop()
        {
            if (_session is not null)
            {
                _context.CloseSession();
            }
        }

        protected override void OnElement(DecodeResult frame)
        {
            _lastReceived = Environment.TickCount64;
            _counters?.MessageIn();
            if (!frame.IsSuccess)
            {
                Close(frame.Error, frame.Sequence, frame.ErrorText ?? frame.Error.ToString());
                return;
            }

            if (frame.Sequence != _expectedSequence)
            {
                Close(ProtocolErrorCode.SequenceGap, frame.Sequence, $"sequence {frame.Sequence} received, {_expectedSequence} expected");
                return;
            }

            _expectedSequence++;
            var message = frame.Message!;
            if (_session is null)
            {
                BeforeLogon(message, frame.Sequence);
                return;
            }

            switch (message)
            {
                case Logon:
                    Close(ProtocolErrorCode.AlreadyLoggedOn, frame.Sequence, "already logged on: send Logon once per connection");
                    break;
                case Heartbeat:
                    break;
                case TestRequest test:
                    Enqueue(new OutgoingMessage(new Heartbeat(test.TestRequestId)));
                    break;
                case Logout:
                    _context.Log.Info("gateway: session {0} (account {1}, {2}) logged out", _session.SessionId, _session.AccountId, _connection.RemoteEndPoint);
                    Enqueue(new OutgoingMessage(new Logout(ProtocolErrorCode.None, "logged out")));
                    Enqueue(SessionClosed.ByLogout);
                    Finish();
                    break;
                case NewOrder order:
                    Enqueue(new ClientRequest(order, frame.Sequence, order.Symbol, order.ClientOrderId));
                    break;
                case CancelOrder cancel:
                    Enqueue(new ClientRequest(cancel, frame.Sequence, cancel.Symbol, cancel.ClientOrderId));
                    break;
                case AmendOrder amend:
                    Enqueue(new ClientRequest(amend, frame.Sequence, amend.Symbol, amend.ClientOrderId));
                    break;
                case MassCancel massCancel:
                    Enqueue(new ClientRequest(massCancel, frame.Sequence, massCancel.Symbol, massCancel.ClientOrderId));
                    break;
                case OrderStatusRequest status:
                    Enqueue(new ClientRequest(status, frame.Sequence, status.Symbol, status.ClientOrderId));
                    break;
                default:
                    Close(ProtocolErrorCode.UnknownMessageType, frame.Sequence, $"{message.Type} is not a client message");
                    break;
            }
        }

        protected override void OnFault(Exception fault)
        {
            _context.Log.Warning("gateway: fault in the session of {0}: {1}", _connection.RemoteEndPoint, fault);
            Close(ProtocolErrorCode.InternalError, 0, "internal error");
        }

        protected override void OnInputEnded(Exception? failure)
        {
            if (failure is not null)
            {
                _context.Log.Info("gateway: connection {0} failed: {1}", _connection.RemoteEndPoint, failure.Message);
            }
            else if (_session is not null)
            {
                _context.Log.Info("gateway: session {0} (account {1}, {2}) disconnected without Logout", _session.SessionId, _session.AccountId, _connection.RemoteEndPoint);
            }
        }

        protected override void OnTimer(object timerKey)
        {
            if (Finishing || Environment.TickCount64 - _lastReceived < _idleTimeoutMs)
            {
                return;
            }

            _context.Log.Info("gateway: {0} sent nothing for {1} ms; ending the session", _connection.RemoteEndPoint, _idleTimeoutMs);
            Enqueue(new OutgoingMessage(new Logout(ProtocolErrorCode.IdleTimeout, $"nothing received for {_idleTimeoutMs} ms")));
            EndSession(ProtocolErrorCode.IdleTimeout);
        }

        private void BeforeLogon(WireMessage message, long sequence)
        {
            if (message is Logon logon)
            {
                HandleLogon(logon);
                return;
            }

            _context.Log.Info("gateway: {0} sent {1} before logging on", _connection.RemoteEndPoint, message.Type);
            const string Text = "not logged on: the first message must be Logon";
            if (message is NewOrder order)
            {
                Enqueue(new OutgoingMessage(ExecutionReports.Rejected(order, RejectReason.NotLoggedOn)));
            }
            else
            {
                Enqueue(new OutgoingMessage(new ProtocolError(ProtocolErrorCode.NotLoggedOn, sequence, Text)));
            }

            Enqueue(new OutgoingMessage(new Logout(ProtocolErrorCode.NotLoggedOn, Text)));
            Finish();
        }

        private void HandleLogon(Logon logon)
        {
            var options = _context.Options;
            if (!_context.ApiKeys.TryAuthenticate(logon.ApiKey, logon.Secret, out var accountId))
            {
                RejectLogon(LogonRejectReason.InvalidCredentials, "unknown API key or wrong secret", logon.ApiKey);
                return;
            }

            var heartbeatMs = logon.HeartbeatIntervalMs == 0 ? options.DefaultHeartbeatMs : logon.HeartbeatIntervalMs;
            if (heartbeatMs is < GatewayOptions.MinHeartbeatMs or > GatewayOptions.MaxHeartbeatMs)
            {
                RejectLogon(
                    LogonRejectReason.InvalidHeartbeatInterval,
                    $"heartbeat {logon.HeartbeatIntervalMs} ms: use 0 (default) or {GatewayOptions.MinHeartbeatMs}..{GatewayOptions.MaxHeartbeatMs}",
                    logon.ApiKey);
                return;
            }

            if (!_context.TryOpenSession())
            {
                RejectLogon(LogonRejectReason.TooManySessions, $"this node serves {options.MaxSessions} sessions at most; try another node or later", logon.ApiKey);
                return;
            }

            _session = new SessionInfo(
                _context.NextSessionId(),
                accountId,
                logon.ApiKey,
                _connection.RemoteEndPoint,
                _connection.Edge,
                heartbeatMs,
                logon.CancelOnDisconnect || options.CancelOnDisconnect,
                DateTimeOffset.UtcNow);
            _counters = new SessionCounters();
            _counters.MessageIn();
            _context.Log.Info(
                "gateway: session {0} logged on: key {1}, account {2}, {3}",
                _session.SessionId,
                logon.ApiKey,
                accountId,
                $"{_connection.RemoteEndPoint} ({_connection.Edge}), heartbeat {heartbeatMs} ms, cancel on disconnect {_session.CancelOnDisconnect}");
            Enqueue(new SessionOpened(_session, _counters));
            Enqueue(new OutgoingMessage(new LogonAck(_session.SessionId, accountId, heartbeatMs)));
            WatchIdle(heartbeatMs);
        }

        private void RejectLogon(LogonRejectReason reason, string text, string apiKey)
        {
            _context.Log.Warning("gateway: logon of key {0} from {1} refused: {2}", apiKey, _connection.RemoteEndPoint, reason);
            Enqueue(new OutgoingMessage(new LogonReject(reason, text)));
            Finish();
        }

        /// <summary>ProtocolError + Logout with the same code, then close.</summary>
        private void Close(ProtocolErrorCode code, long refSequence, string text)
        {
            _context.Log.Info("gateway: {0} ({1}) violated the protocol: {2} at sequence {3}: {4}", _connection.RemoteEndPoint, SessionText(), code, refSequence, text);
            Enqueue(new OutgoingMessage(new ProtocolError(code, refSequence, text)));
            Enqueue(new OutgoingMessage(new Logout(code, text)));
            EndSession(code);
        }

        private void EndSession(ProtocolErrorCode code)
        {
            if (_session is not null)
            {
                Enqueue(new SessionClosed(code, loggedOut: false));
            }

            Finish();
        }

        private string SessionText() => _session is null ? "not logged on" : $"session {_session.SessionId}, account {_session.AccountId}";

        private void WatchIdle(int heartbeatMs)
        {
            _idleTimeoutMs = 3L * heartbeatMs;

            // Checked twice per interval: the session ends between 3 and 3.5 silent intervals.
            ScheduleRepeatedly(IdleTimer, TimeSpan.FromMilliseconds(heartbeatMs / 2.0));
        }
    }
}
