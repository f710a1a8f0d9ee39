namespace LoomExchange.Messages.Wire;

/// <summary>
/// The outcome of decoding one frame: the message and its sequence number, or why the frame is invalid.
/// Decoders return this; they never throw on bad input.
/// </summary>
public readonly record struct DecodeResult(WireMessage? Message, long Sequence, ProtocolErrorCode Error, string? ErrorText)
{
    public bool IsSuccess => Message is not null;

    public static DecodeResult Ok(WireMessage message, long sequence) => new(message, sequence, ProtocolErrorCode.None, null);

    public static DecodeResult Fail(ProtocolErrorCode error, string text, long sequence = 0) => new(null, sequence, error, text);
}
