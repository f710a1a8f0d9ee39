using System.Net.WebSockets;
using System.Text;

namespace LoomExchange.Node.Tests;

/// <summary><c>loomctl exchange sessions</c> and <c>exchange kick</c> against a live client session on a real node.</summary>
public sealed class AdminSessionSpecs
{
    [Fact]
    public async Task Should_list_a_logged_on_session_and_end_it_on_kick()
    {
        await using var admin = await AdminNode.StartAsync();
        using var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var uri = new Uri(admin.Node.Client.BaseAddress!.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws");
        await socket.ConnectAsync(uri, deadline.Token);
        await WebSocketText.SendAsync(socket, """{"type":"Logon","seq":1,"apiKey":"demo-2","secret":"demo-secret-2"}""", deadline.Token);
        Assert.Contains("\"LogonAck\"", await WebSocketText.ReceiveAsync(socket, deadline.Token), StringComparison.Ordinal);

        var session = Assert.Single((await admin.JsonAsync("exchange", "sessions")).EnumerateArray());
        var info = session.GetProperty("info");
        Assert.Equal(1002, info.GetProperty("accountId").GetInt64());
        var sessionId = info.GetProperty("sessionId").GetInt64();

        var kick = await admin.RunAsync("exchange", "kick", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(kick.ExitCode == 0, kick.ToString());

        // The client is told why, then the connection ends; the node lists no session any more.
        Assert.Contains("\"Logout\"", await WebSocketText.ReceiveAsync(socket, deadline.Token), StringComparison.Ordinal);
        Assert.Empty((await admin.JsonAsync("exchange", "sessions")).EnumerateArray());
    }
}
