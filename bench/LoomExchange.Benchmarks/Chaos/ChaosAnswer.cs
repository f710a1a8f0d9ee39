using System.Globalization;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>One line of <c>loomctl bench --answers</c> (docs/client.md): what a client was told about one request.</summary>
internal sealed record ChaosAnswer(
    long Account,
    long ClientOrderId,
    string Request,
    string Symbol,
    long SentUs,
    long AnsweredUs,
    string Outcome,
    string Reason,
    long OrderId,
    long TradeId)
{
    /// <summary>The book's answer arrived (not a timeout or a client-side failure).</summary>
    public bool IsAnswer => Outcome is not ("timeout" or "failed");

    /// <summary>A durable acknowledgement: the command took effect and its events are journaled.</summary>
    public bool IsAcknowledged => Outcome is "accepted" or "partial_fill" or "filled" or "cancelled" or "amended" or "mass_cancel_done";

    /// <summary>An answer that leaves the outcome open (the gateway gave up waiting): the command may or may not exist.</summary>
    public bool IsOutcomeUnknown => !IsAnswer || (Outcome == "rejected" && Reason == "ServiceUnavailable");

    public static List<ChaosAnswer> ReadAll(string path)
    {
        var answers = new List<ChaosAnswer>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length != 10)
            {
                throw new InvalidDataException($"{path}: '{line}' does not have the 10 columns of the answer file");
            }

            answers.Add(new ChaosAnswer(
                L(f[0]), L(f[1]), f[2], f[3], L(f[4]), L(f[5]), f[6], f[7], L(f[8]), L(f[9])));
        }

        return answers;

        static long L(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
