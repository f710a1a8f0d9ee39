using CsCheck;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>
/// Runs a property over generated scenarios. On failure, the smallest failing scenario CsCheck met is
/// minimised further by dropping commands one at a time while the property still fails, and the result is
/// reported as pasteable commands together with the failure it produces.
/// </summary>
internal static class PropertyRuns
{
    /// <summary>How many random streams each property samples: enough to find rare interleavings, small enough for a quick test run.</summary>
    public const int Oracle = 400;
    public const int Invariants = 150;
    public const int Persistence = 150;

    private const int MaxMinimisationRuns = 20_000;

    /// <summary>Multiplies every iteration count, for a long soak run: <c>LOOM_PROPERTY_SCALE=100 dotnet test</c>.</summary>
    private static readonly long Scale =
        long.TryParse(Environment.GetEnvironmentVariable("LOOM_PROPERTY_SCALE"), out var scale) && scale > 0 ? scale : 1;

    public static void Check(Gen<Scenario> scenarios, Action<Scenario> property, long iterations)
    {
        Scenario? smallest = null;
        var gate = new Lock();
        try
        {
            scenarios.Sample(
                scenario =>
                {
                    if (TryRun(property, scenario) is { } failure)
                    {
                        lock (gate)
                        {
                            if (smallest is null || scenario.Commands.Count < smallest.Commands.Count)
                            {
                                smallest = scenario;
                            }
                        }

                        throw failure;
                    }
                },
                iter: iterations * Scale,
                print: s => $"{s.Commands.Count} commands, split at {s.SplitAt} (minimised scenario below)");
        }
        catch (CsCheckException sample) when (smallest is not null)
        {
            var (minimal, failure) = Minimise(property, smallest);
            throw new PropertyFailedException(
                $"{sample.Message.Split('\n')[0]}\n\n{failure.Message}\n\nminimal failing scenario ({minimal.Commands.Count} of {smallest.Commands.Count} commands):\n{minimal}",
                failure);
        }
    }

    /// <summary>Runs the property; the exception it failed with, or null when it held.</summary>
    private static Exception? TryRun(Action<Scenario> property, Scenario scenario)
    {
        try
        {
            property(scenario);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }

    /// <summary>Greedy delta debugging: drops single commands (last first) while the property keeps failing.</summary>
    private static (Scenario Scenario, Exception Failure) Minimise(Action<Scenario> property, Scenario failing)
    {
        var failure = TryRun(property, failing) ?? throw new InvalidOperationException("the failing scenario passed when run again: the property is not deterministic");
        var runs = 0;
        var progress = true;
        while (progress && runs < MaxMinimisationRuns)
        {
            progress = false;
            for (var i = failing.Commands.Count - 1; i >= 0 && runs < MaxMinimisationRuns; i--)
            {
                var commands = failing.Commands.Where((_, index) => index != i).ToList();
                var splitAt = Math.Min(i < failing.SplitAt ? failing.SplitAt - 1 : failing.SplitAt, commands.Count);
                var candidate = failing with { Commands = commands, SplitAt = splitAt };
                runs++;
                if (TryRun(property, candidate) is { } candidateFailure)
                {
                    (failing, failure, progress) = (candidate, candidateFailure, true);
                }
            }
        }

        return (failing, failure);
    }
}

/// <summary>A property did not hold; the message carries the minimal failing scenario.</summary>
public sealed class PropertyFailedException : Exception
{
    public PropertyFailedException()
    {
    }

    public PropertyFailedException(string message)
        : base(message)
    {
    }

    public PropertyFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
