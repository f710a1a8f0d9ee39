using System.Net;
using LoomExchange.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoomExchange.Admin.Tests;

public sealed class AdminAccessFilterSpecs
{
    private const string Token = "s3cret-token";

    [Fact]
    public async Task Should_let_a_loopback_caller_with_the_token_through()
    {
        var (result, context) = await InvokeAsync(IPAddress.Loopback, $"Bearer {Token}", allowRemote: false);

        Assert.Equal("passed", result);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer s3cret-token-and-more")]
    [InlineData("Basic czNjcmV0LXRva2Vu")]
    public async Task Should_answer_401_with_a_reason_code_for_a_missing_or_wrong_token(string? authorization)
    {
        var (result, context) = await InvokeAsync(IPAddress.Loopback, authorization, allowRemote: false);

        Assert.Equal(StatusCodes.Status401Unauthorized, await StatusOfAsync(result, context));
        Assert.Contains("\"error\":\"unauthorized\"", await BodyOfAsync(result, context), StringComparison.Ordinal);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task Should_refuse_a_remote_caller_even_with_the_token_unless_remote_callers_are_allowed()
    {
        var remote = IPAddress.Parse("10.1.2.3");

        var (refused, refusedContext) = await InvokeAsync(remote, $"Bearer {Token}", allowRemote: false);
        var (allowed, _) = await InvokeAsync(remote, $"Bearer {Token}", allowRemote: true);

        Assert.Equal(StatusCodes.Status403Forbidden, await StatusOfAsync(refused, refusedContext));
        Assert.Contains("remote_refused", await BodyOfAsync(refused, refusedContext), StringComparison.Ordinal);
        Assert.Equal("passed", allowed);
    }

    [Fact]
    public void Should_treat_ipv6_loopback_and_ipv4_mapped_loopback_as_loopback()
    {
        Assert.True(AdminAccessFilter.IsLoopback(IPAddress.IPv6Loopback));
        Assert.True(AdminAccessFilter.IsLoopback(IPAddress.Loopback.MapToIPv6()));
        Assert.False(AdminAccessFilter.IsLoopback(IPAddress.Parse("192.168.0.1")));
        Assert.False(AdminAccessFilter.IsLoopback(null));
    }

    [Fact]
    public void Should_match_only_the_exact_token_whatever_the_scheme_case()
    {
        var token = new BearerToken(Token);

        Assert.True(token.Matches($"Bearer {Token}"));
        Assert.True(token.Matches($"bearer {Token}"));
        Assert.False(token.Matches($"Bearer {Token[..^1]}"));
        Assert.False(token.Matches(Token));
    }

    [Fact]
    public void Should_read_the_token_from_configuration_and_fall_back_to_LOOM_ADMIN_TOKEN()
    {
        var fromSection = AdminOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Loom:Admin:Token"] = " configured ",
            ["Loom:Admin:AllowRemote"] = "true",
            ["LOOM_ADMIN_TOKEN"] = "fallback",
        }).Build());
        var fromVariable = AdminOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LOOM_ADMIN_TOKEN"] = "fallback",
        }).Build());

        Assert.Equal("configured", fromSection.Token);
        Assert.True(fromSection.AllowRemote);
        Assert.Equal("fallback", fromVariable.Token);
        Assert.False(fromVariable.AllowRemote);
    }

    private static async Task<(object? Result, DefaultHttpContext Context)> InvokeAsync(IPAddress caller, string? authorization, bool allowRemote)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Connection.RemoteIpAddress = caller;
        context.Request.Method = "GET";
        context.Request.Path = "/admin/cluster/show";
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var filter = new AdminAccessFilter(new BearerToken(Token), allowRemote, NullLogger.Instance);
        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(context), _ => ValueTask.FromResult<object?>("passed"));
        return (result, context);
    }

    private static async Task<int> StatusOfAsync(object? result, DefaultHttpContext context)
    {
        await ExecuteAsync(result, context);
        return context.Response.StatusCode;
    }

    private static async Task<string> BodyOfAsync(object? result, DefaultHttpContext context)
    {
        await ExecuteAsync(result, context);
        context.Response.Body.Position = 0;
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    private static async Task ExecuteAsync(object? result, DefaultHttpContext context)
    {
        if (context.Response.Body is MemoryStream { Length: > 0 })
        {
            return;
        }

        context.Response.Body = new MemoryStream();
        await Assert.IsAssignableFrom<IResult>(result).ExecuteAsync(context);
    }
}
