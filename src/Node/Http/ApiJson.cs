using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoomExchange.Node.Http;

/// <summary>JSON conventions of the HTTP API: camelCase, enums as their names, bounded depth.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter());
        options.MaxDepth = 8;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
