using Akka.Configuration;

namespace LoomExchange.Actors.Tests;

/// <summary>The one Akka configuration of these specs.</summary>
/// <remarks>
/// - <c>serialize-messages = on</c>: every message between actors goes through its serializer and back, so a
///   message that could not cross a node boundary fails here. Creators (Props) are not checked: books take live
///   objects (registry, TimeProvider) that are never sent anywhere.
/// - Strict serialization (<c>serialization-settings.allow-unregistered-types = off</c>, the Akka 1.5 key): a type
///   without a binding is an error instead of a silent fallback to the JSON serializer.
/// - Our serializer bound to <c>IExchangeMessage</c>, exactly as the node binds it.
/// - The in-memory journal and snapshot store of Akka.Persistence.TestKit (Akka's in-memory stores with
///   interceptors), so that specs can hold, fail or reject writes.
/// - <see cref="InProcessReferenceSerializer"/> for a short, explicit list of types that never leave the process and
///   have no serializer under strict mode: the TestKit's journal/snapshot control messages (they carry live
///   interceptors) and Akka 1.5.73 internals that lack <c>INoSerializationVerificationNeeded</c> (recovery permits,
///   <c>StopChild</c>, the journal's <c>Desequenced</c>); without them serialize-messages drops those messages
///   ("Swallowing exception during message send") and recovery never starts. Everything else is serialized for real.
/// </remarks>
public static class TestConfig
{
    public const string Hocon = """
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          actor {
            serialize-messages = on
            serialize-creators = off
            serialization-settings.allow-unregistered-types = off
            serializers {
              loom = "LoomExchange.Actors.Serialization.ExchangeSerializer, LoomExchange.Actors"
              test-reference = "LoomExchange.Actors.Tests.InProcessReferenceSerializer, LoomExchange.Actors.Tests"
            }
            serialization-bindings {
              "LoomExchange.Actors.Protocol.IExchangeMessage, LoomExchange.Actors" = loom
              "Akka.Persistence.TestKit.TestJournal+UseWriteInterceptor, Akka.Persistence.TestKit" = test-reference
              "Akka.Persistence.TestKit.TestJournal+UseRecoveryInterceptor, Akka.Persistence.TestKit" = test-reference
              "Akka.Persistence.TestKit.TestSnapshotStore+UseSaveInterceptor, Akka.Persistence.TestKit" = test-reference
              "Akka.Persistence.TestKit.TestSnapshotStore+UseLoadInterceptor, Akka.Persistence.TestKit" = test-reference
              "Akka.Persistence.TestKit.TestSnapshotStore+UseDeleteInterceptor, Akka.Persistence.TestKit" = test-reference
              "Akka.Persistence.RequestRecoveryPermit, Akka.Persistence" = test-reference
              "Akka.Persistence.RecoveryPermitGranted, Akka.Persistence" = test-reference
              "Akka.Persistence.ReturnRecoveryPermit, Akka.Persistence" = test-reference
              "Akka.Dispatch.SysMsg.StopChild, Akka" = test-reference
              "Akka.Persistence.Journal.AsyncWriteJournal+Desequenced, Akka.Persistence" = test-reference
            }
            serialization-identifiers {
              "LoomExchange.Actors.Tests.InProcessReferenceSerializer, LoomExchange.Actors.Tests" = 7499
            }
          }
          persistence {
            journal {
              plugin = "akka.persistence.journal.test"
              test {
                class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
                plugin-dispatcher = "akka.actor.default-dispatcher"
              }
            }
            snapshot-store {
              plugin = "akka.persistence.snapshot-store.test"
              test {
                class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
                plugin-dispatcher = "akka.actor.default-dispatcher"
              }
            }
          }
        }
        """;

    public static Config Config => ConfigurationFactory.ParseString(Hocon);
}
