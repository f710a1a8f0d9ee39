using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Akka.Cluster.Sharding;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Actors.Sharding;

/// <summary>
/// Routes book messages: entity id = symbol, shard id = a stable hash of the symbol modulo the shard count.
/// XxHash32 of the UTF-8 symbol is the same in every process and version (unlike string.GetHashCode),
/// so every node agrees where a symbol lives. The shard count must never change on a live cluster.
/// </summary>
public sealed class SymbolMessageExtractor : IMessageExtractor
{
    private readonly int _shardCount;

    // Shard ids are asked for on every routed message: hand out the same strings instead of formatting each time.
    private readonly string[] _shardIds;

    public SymbolMessageExtractor(int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        _shardCount = shardCount;
        _shardIds = [.. Enumerable.Range(0, shardCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }

    // Akka.NET 1.5 routes its own StartEntity and ShardingEnvelope messages itself (analyzer rule AK2001).
    public string? EntityId(object message) => (message as IBookMessage)?.Symbol;

    public object? EntityMessage(object message) => message;

    public string? ShardId(object message) => EntityId(message) is { } symbol ? ShardOf(symbol) : null;

    public string ShardId(string entityId, object? messageHint = null) => ShardOf(entityId);

    public string ShardOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var length = Encoding.UTF8.GetByteCount(symbol);
        var utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(symbol, utf8);
        return _shardIds[XxHash32.HashToUInt32(utf8) % (uint)_shardCount];
    }
}
