namespace LoomExchange.Actors.Startup;

/// <summary>A persistence id the warm-up recovers read-only, and the journal it lives in (null: the default journal).</summary>
public sealed record RecoveryProbeTarget(string PersistenceId, string? JournalPluginId);
