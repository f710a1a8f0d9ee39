using Akka.Event;
using Akka.Streams;
using Akka.Streams.Stage;
using LoomExchange.Gateway.Routing;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// L3 static order checks, the same <c>OrderRules</c> the book applies (tick, lot, quantity and notional limits, order
/// shape), so that a request that cannot pass never travels to the book: unknown symbol -> Rejected/UnknownSymbol,
/// any other rule -> Rejected with its reason. The price band is left to the book, which knows the last trade price.
/// Builds the engine command of every request that passes.
/// </summary>
internal sealed class OrderCheckStage : GraphStage<FlowShape<SessionElement, SessionElement>>
{
    public OrderCheckStage(GatewayContext context)
    {
        Context = context;
    }

    internal GatewayContext Context { get; }

    private const long NanosPerMilli = 1_000_000;
    private readonly Inlet<SessionElement> _in = new("order-checks.in");
    private readonly Outlet<SessionElement> _out = new("order-checks.out");

    public override FlowShape<SessionElement, SessionElement> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic(OrderCheckStage stage) : QueueingLogic<SessionElement, SessionElement>(stage.Shape)
    {
        private readonly GatewayContext _context = stage.Context;
        private long _accountId;
        private SessionCounters? _counters;

        protected override void OnElement(SessionElement element)
        {
            if (element is SessionOpened opened)
            {
                _accountId = opened.Info.AccountId;
                _counters = opened.Counters;
            }
            else if (element is ClientRequest request)
            {
                var reason = Check(request);
                if (reason != RejectReason.None)
                {
                    _counters?.Reject();
                    Enqueue(new OutgoingMessage(ExecutionReports.Rejected(request.Message, reason)));
                    return;
                }
            }

            Enqueue(element);
        }

        protected override void OnFault(Exception fault)
        {
            _context.Log.Warning("gateway: fault in the order checks (account {0}): {1}", _accountId, fault);
            Enqueue(new OutgoingMessage(new ProtocolError(ProtocolErrorCode.InternalError, 0, "internal error")));
            Enqueue(new OutgoingMessage(new Logout(ProtocolErrorCode.InternalError, "internal error")));
            Finish();
        }

        private RejectReason Check(ClientRequest request)
        {
            if (!_context.Rules.TryGet(request.Symbol, out var rules))
            {
                return RejectReason.UnknownSymbol;
            }

            switch (request.Message)
            {
                case NewOrder order:
                    if (order.ExpireAt is < 0 or > long.MaxValue / NanosPerMilli)
                    {
                        return RejectReason.ExpireTimeInPast;
                    }

                    var place = new OrderCommand
                    {
                        Type = CommandType.Place,
                        Timestamp = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100,
                        AccountId = _accountId,
                        ClientOrderId = order.ClientOrderId,
                        Side = order.Side,
                        OrderType = order.OrderType,
                        TimeInForce = order.TimeInForce,
                        SelfTradePrevention = order.SelfTradePrevention,
                        PostOnly = order.PostOnly,
                        Price = order.OrderType == OrderType.Market ? 0 : order.Price,
                        Quantity = order.Quantity,
                        ExpireAt = order.ExpireAt * NanosPerMilli,
                    };
                    request.Command = place;
                    return rules.CheckPlace(place, referencePrice: 0);
                case CancelOrder cancel:
                    request.Command = OrderCommand.Cancel(_accountId, cancel.OrderId, 0, cancel.ClientOrderId);
                    return RejectReason.None;
                case AmendOrder amend:
                    var command = OrderCommand.Amend(_accountId, amend.OrderId, amend.Price, amend.Quantity, 0, amend.ClientOrderId);
                    request.Command = command;

                    // The current price is the book's to know: checked as if unchanged, so no band here.
                    return rules.CheckAmend(amend.Price, command, referencePrice: 0);
                case MassCancel massCancel:
                    request.Command = OrderCommand.MassCancel(_accountId, 0, massCancel.ClientOrderId);
                    return RejectReason.None;
                default:
                    return RejectReason.None;
            }
        }
    }
}
