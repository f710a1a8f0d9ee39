using System.Diagnostics;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Stage;
using LoomExchange.Gateway.Access;
using LoomExchange.Gateway.Routing;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// L1 access risk: per-session and per-address request rates (token buckets; the address bucket is shared by every
/// connection from that address). Over the rate a NewOrder is rejected RateLimited, any other request answered
/// ProtocolError(RateLimited); the session stays up. (The address block list is checked at connect, before this stage.)
/// </summary>
internal sealed class AccessStage : GraphStage<FlowShape<SessionElement, SessionElement>>
{
    public AccessStage(GatewayContext context, ConnectionInfo connection)
    {
        Context = context;
        Connection = connection;
    }

    internal GatewayContext Context { get; }

    internal ConnectionInfo Connection { get; }

    private readonly Inlet<SessionElement> _in = new("access.in");
    private readonly Outlet<SessionElement> _out = new("access.out");

    public override FlowShape<SessionElement, SessionElement> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic(AccessStage stage) : QueueingLogic<SessionElement, SessionElement>(stage.Shape)
    {
        private readonly GatewayContext _context = stage.Context;
        private readonly ConnectionInfo _connection = stage.Connection;
        private readonly TokenBucket _sessionBucket = new(stage.Context.Options.SessionMessagesPerSecond);
        private AddressBucket? _addressBucket;
        private SessionCounters? _counters;
        private long _limited;

        public override void PreStart() => _addressBucket = _context.Access.Acquire(_connection.Address);

        public override void PostStop()
        {
            _addressBucket?.Release();
            if (_limited > 0)
            {
                _context.Log.Info("gateway: {0} had {1} requests refused by rate limits", _connection.RemoteEndPoint, _limited);
            }
        }

        protected override void OnElement(SessionElement element)
        {
            if (element is ClientRequest request)
            {
                var now = Stopwatch.GetTimestamp();
                if (!_sessionBucket.TryTake(now) || !_addressBucket!.TryTake(now))
                {
                    Refuse(request);
                    return;
                }
            }
            else if (element is SessionOpened opened)
            {
                _counters = opened.Counters;
            }

            Enqueue(element);
        }

        protected override void OnFault(Exception fault)
        {
            _context.Log.Warning("gateway: fault in the access checks of {0}: {1}", _connection.RemoteEndPoint, fault);
            Enqueue(new OutgoingMessage(new ProtocolError(ProtocolErrorCode.InternalError, 0, "internal error")));
            Enqueue(new OutgoingMessage(new Logout(ProtocolErrorCode.InternalError, "internal error")));
            Finish();
        }

        private void Refuse(ClientRequest request)
        {
            if (_limited++ == 0)
            {
                _context.Log.Warning("gateway: {0} exceeds its request rate; refusing requests (RateLimited)", _connection.RemoteEndPoint);
            }

            _counters?.Reject();
            Enqueue(new OutgoingMessage(request.Message is NewOrder order
                ? ExecutionReports.Rejected(order, RejectReason.RateLimited)
                : new ProtocolError(ProtocolErrorCode.RateLimited, request.Sequence, "request rate exceeded; slow down")));
        }
    }
}
