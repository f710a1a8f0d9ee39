using System.Net.WebSockets;
using LoomExchange.Messages.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LoomExchange.Client.Tests;

/// <summary>A Kestrel host on a free loopback port whose <c>/ws</c> endpoint runs the test's script over JSON text messages.</summary>
internal sealed class FakeWebSocketGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeWebSocketGateway(WebApplication app)
    {
        _app = app;
    }

    public string Endpoint => _app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/ws";

    public static async Task<FakeWebSocketGateway> StartAsync(Func<JsonPeer, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await script(new JsonPeer(socket));
        });
        await app.StartAsync();
        return new FakeWebSocketGateway(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The server end of one WebSocket session.</summary>
    internal sealed class JsonPeer(WebSocket socket)
    {
        private long _nextSequence = 1;

        public async Task<(WireMessage Message, long Sequence)> ReceiveAsync()
        {
            using var deadline = new CancellationTokenSource(FakeConnection.Deadline);
            var buffer = new byte[4096];
            var length = 0;
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(length), deadline.Token);
                Assert.Equal(WebSocketMessageType.Text, result.MessageType);
                length += result.Count;
                if (result.EndOfMessage)
                {
                    var decoded = JsonCodec.Decode(buffer.AsSpan(0, length), serverSide: true);
                    Assert.True(decoded.IsSuccess, $"client sent bad JSON: {decoded.ErrorText}");
                    return (decoded.Message!, decoded.Sequence);
                }
            }
        }

        public async Task SendAsync(WireMessage message)
        {
            using var deadline = new CancellationTokenSource(FakeConnection.Deadline);
            await socket.SendAsync(JsonCodec.Encode(message, _nextSequence++), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
        }
    }
}
