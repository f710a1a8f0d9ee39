namespace LoomExchange.Cluster.Tests;

/// <summary>An answer the load received for one of its orders (every attempt's answer, retries included).</summary>
internal sealed record LoadAnswer(ClientOrder Order, FeederAnswer Answer);
