using Akka.Event;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Clustering;

/// <summary>
/// Akka filters its own log events before they reach Microsoft.Extensions.Logging, so <c>Logging:LogLevel:Akka</c>
/// alone could never show Akka's debug events (sharding allocation, coordinator state writes). Both executables set
/// Akka's level from that key, so one setting opens the whole path when a failover must be explained.
/// </summary>
public static class AkkaLogLevel
{
    /// <summary>The configuration key read by the exchange node and the Lighthouse.</summary>
    public const string ConfigurationKey = "Logging:LogLevel:Akka";

    /// <summary>Maps a Microsoft.Extensions.Logging level name to Akka's level; unset means Info, Akka's default.</summary>
    public static LogLevel From(string? level) => level?.Trim().ToUpperInvariant() switch
    {
        null or "" => LogLevel.InfoLevel,
        "TRACE" or "DEBUG" => LogLevel.DebugLevel,
        "INFORMATION" => LogLevel.InfoLevel,
        "WARNING" => LogLevel.WarningLevel,
        "ERROR" or "CRITICAL" or "NONE" => LogLevel.ErrorLevel,
        _ => throw new InvalidConfigurationException(
            $"{ConfigurationKey} '{level}' is not one of Trace, Debug, Information, Warning, Error, Critical, None"),
    };
}
