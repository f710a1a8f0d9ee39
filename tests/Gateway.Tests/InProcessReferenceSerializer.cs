using System.Collections.Concurrent;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// Test harness only: "serializes" a message as a key to the object itself, so that messages that never leave the
/// process (the TestKit's control messages with live interceptors, a few Akka internals) pass
/// <c>serialize-messages = on</c> under strict serialization. Bound to exactly those types in <see cref="TestConfig"/>;
/// no message of ours uses it. A key is removed when read back, so nothing accumulates.
/// </summary>
public sealed class InProcessReferenceSerializer : Serializer
{
    private static readonly ConcurrentDictionary<long, object> Objects = new();
    private static long _nextKey;

    public InProcessReferenceSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => 7499;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj)
    {
        var key = Interlocked.Increment(ref _nextKey);
        Objects[key] = obj;
        return BitConverter.GetBytes(key);
    }

    public override object FromBinary(byte[] bytes, Type type)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.Length == sizeof(long) && Objects.TryRemove(BitConverter.ToInt64(bytes), out var obj)
            ? obj
            : throw new SerializationException("unknown in-process reference");
    }
}
