using System.Net.Sockets;
using Akka.Actor;

namespace LoomExchange.Clustering;

/// <summary>
/// Opens and at once closes a plain TCP connection to the remoting port of a member's address. Only a refusal counts
/// as evidence: a host that answers with a reset for the port runs no process there any more, while a timeout or an
/// unreachable network is what a partition or a paused node also looks like.
/// </summary>
public static class RemotingPortProbe
{
    /// <summary>A member on the same network answers a connect in well under a millisecond; this only bounds a silent host.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    public static async Task<PortProbeResult> ProbeAsync(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Host is null || address.Port is not { } port)
        {
            return PortProbeResult.Inconclusive;
        }

        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            await socket.ConnectAsync(address.Host, port, deadline.Token).ConfigureAwait(false);
            return PortProbeResult.Accepted;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return PortProbeResult.Refused;
        }
        catch (SocketException)
        {
            return PortProbeResult.Inconclusive;
        }
        catch (OperationCanceledException)
        {
            return PortProbeResult.Inconclusive;
        }
    }
}
