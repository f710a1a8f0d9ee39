namespace LoomExchange.Actors.Protocol;

/// <summary>A message for one symbol's order-book entity; sharding routes it by <see cref="Symbol"/>.</summary>
public interface IBookMessage : IExchangeMessage
{
    string Symbol { get; }
}
