using System.Globalization;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// One exchange node of the chaos cluster. Its HTTP and gateway ports stay the same across restarts (clients and
/// loomctl keep their endpoint lists); its remoting port is new on every start, so that a restarted node joins as a
/// new member instead of racing the downing of its previous incarnation on the same address.
/// </summary>
internal sealed class NodeSlot(int index)
{
    public int Index { get; } = index;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"node-{Index + 1}");

    public int HttpPort { get; } = ChildProcess.FreePort();

    public int GatewayPort { get; } = ChildProcess.FreePort();

    public int ClusterPort { get; set; }

    public int Starts { get; set; }

    public ChildProcess? Process { get; set; }

    /// <summary>The log of the current start (one file per start).</summary>
    public string? LogFile { get; set; }

    public bool IsRunning => Process is { HasExited: false };

    public Uri Http => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}"));

    public string Gateway => string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{GatewayPort}");

    /// <summary>The Akka address of the current incarnation, as shard statistics name it.</summary>
    public string Address => string.Create(CultureInfo.InvariantCulture, $"akka.tcp://loom@127.0.0.1:{ClusterPort}");
}
