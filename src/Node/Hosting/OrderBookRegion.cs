namespace LoomExchange.Node.Hosting;

/// <summary>Key of the order-book shard region in Akka.Hosting's actor registry.</summary>
public sealed class OrderBookRegion;
