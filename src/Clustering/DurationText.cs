using System.Globalization;
using System.Text.RegularExpressions;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Clustering;

/// <summary>
/// Durations as operators write them in configuration: <c>250ms</c>, <c>1.5s</c>, <c>2m</c>, or a .NET
/// <see cref="TimeSpan"/> (<c>00:00:01.5</c>). Kept as text in the options so a typo fails with the key's name
/// instead of an exception from the configuration binder.
/// </summary>
public static partial class DurationText
{
    public static TimeSpan Parse(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidConfigurationException($"{key} is empty: give a duration such as 500ms or 1.5s");
        }

        var match = UnitPattern().Match(text.Trim());
        if (match.Success)
        {
            var value = double.Parse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMinutes(value),
            };
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        throw new InvalidConfigurationException($"{key} '{text}' is not a duration: give e.g. 500ms, 1.5s, 2m or 00:00:01");
    }

    /// <summary>The HOCON form Akka reads, in whole milliseconds.</summary>
    public static string ToHocon(TimeSpan span) => ((long)Math.Round(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";

    [GeneratedRegex(@"^(?<value>[0-9]+(\.[0-9]+)?)\s*(?<unit>ms|s|m)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();
}
