namespace LoomExchange.Gateway.Routing;

/// <summary>The session's own resting orders (accepted and not done), by symbol and order id.</summary>
internal sealed class RestingOrders
{
    private readonly Dictionary<(string Symbol, long OrderId), TrackedOrder> _orders = [];

    public int Count => _orders.Count;

    public IEnumerable<TrackedOrder> All => _orders.Values;

    public void Add(TrackedOrder order) => _orders[(order.Symbol, order.OrderId)] = order;

    public TrackedOrder? Find(string symbol, long orderId) => _orders.GetValueOrDefault((symbol, orderId));

    public void Remove(string symbol, long orderId) => _orders.Remove((symbol, orderId));
}
