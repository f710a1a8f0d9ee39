using Akka.Actor;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Cluster.Tests;

/// <summary>A book's answer as a client saw it: which node's book gave it, and when it arrived (test clock, UTC ticks).</summary>
internal sealed record FeederAnswer(BookCommandResult Result, Address Host, long ReceivedAtTicks);
