using Akka.Configuration;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// The Akka configuration of these specs, as in the actor specs: <c>serialize-messages = on</c> with strict serialization
/// and our serializer, so a message that could not cross a node boundary fails here; in-memory journal and snapshots.
/// Gateway-local messages are <c>INoSerializationVerificationNeeded</c>; the persistence internals that lack it go
/// through <see cref="Actors.Tests.InProcessReferenceSerializer"/>.
/// </summary>
public static class TestConfig
{
    public const string Hocon = """
        akka {
          loglevel = INFO
          stdout-loglevel = WARNING
          loggers = ["Akka.TestKit.TestEventListener, Akka.TestKit"]
          actor {
            serialize-messages = on
            serialize-creators = off
            serialization-settings.allow-unregistered-types = off
            serializers {
              loom = "LoomExchange.Actors.Serialization.ExchangeSerializer, LoomExchange.Actors"
              test-reference = "LoomExchange.Actors.Tests.InProcessReferenceSerializer, LoomExchange.Gateway.Tests"
            }
            serialization-bindings {
              "LoomExchange.Actors.Protocol.IExchangeMessage, LoomExchange.Actors" = loom
              "Akka.Persistence.RequestRecoveryPermit, Akka.Persistence" = test-reference
              "Akka.Persistence.RecoveryPermitGranted, Akka.Persistence" = test-reference
              "Akka.Persistence.ReturnRecoveryPermit, Akka.Persistence" = test-reference
              "Akka.Dispatch.SysMsg.StopChild, Akka" = test-reference
              "Akka.Persistence.Journal.AsyncWriteJournal+Desequenced, Akka.Persistence" = test-reference
            }
            serialization-identifiers {
              "LoomExchange.Actors.Tests.InProcessReferenceSerializer, LoomExchange.Gateway.Tests" = 7499
            }
          }
          persistence {
            journal.plugin = "akka.persistence.journal.inmem"
            snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
          }
        }
        """;

    public static Config Config => ConfigurationFactory.ParseString(Hocon);
}
