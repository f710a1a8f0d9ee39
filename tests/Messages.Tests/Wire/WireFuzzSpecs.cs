using System.Buffers.Binary;
using CsCheck;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>
/// Random and mutated input never makes a decoder throw: it either decodes or names an error. What the binary
/// decoder accepts re-encodes to the same bytes; what the JSON decoder accepts survives a JSON round trip.
/// Iterations scale with LOOM_PROPERTY_SCALE for a soak run.
/// </summary>
public sealed class WireFuzzSpecs
{
    private static readonly long Iterations =
        20_000 * (long.TryParse(Environment.GetEnvironmentVariable("LOOM_PROPERTY_SCALE"), out var scale) && scale > 0 ? scale : 1);

    private static readonly Gen<byte[]> RandomBytes = Gen.Frequency(
        (3, Gen.Byte.Array[0, 160]),
        (1, Gen.Byte.Array[0, 1100]));

    /// <summary>A valid frame of a random message.</summary>
    private static readonly Gen<byte[]> ValidFrames =
        Gen.Select(WireGenerators.Messages, WireGenerators.Sequence, (m, s) => BinaryCodec.Encode(m, s));

    private static readonly Gen<byte[]> ValidJson =
        Gen.Select(WireGenerators.Messages, WireGenerators.Sequence, (m, s) => JsonCodec.Encode(m, s));

    /// <summary>Frames whose length prefix agrees with their size, so mutations reach the header and body checks.</summary>
    private static readonly Gen<byte[]> MutatedFramesWithFixedLength = Mutate(ValidFrames).Select(FixLength);

    /// <summary>JSON-looking text: the structural characters, digits, letters of the field names, quotes and escapes.</summary>
    private static readonly Gen<byte[]> JsonishBytes =
        Gen.Char["{}[]:,\"\\ 0123456789-.etruflsnaybpqdcimkTSNOLAGHBxu"].Array[0, 120].Select(chars => System.Text.Encoding.UTF8.GetBytes(chars));

    [Fact]
    public void Should_never_throw_on_random_bytes_in_binary()
    {
        Gen.Select(RandomBytes, Gen.Bool).Sample((bytes, serverSide) => AssertBinaryDecodesOrFails(bytes, serverSide), iter: Iterations);
    }

    [Fact]
    public void Should_never_throw_on_mutated_frames_in_binary()
    {
        Gen.Select(Mutate(ValidFrames), Gen.Bool).Sample((bytes, serverSide) => AssertBinaryDecodesOrFails(bytes, serverSide), iter: Iterations);
        Gen.Select(MutatedFramesWithFixedLength, Gen.Bool).Sample((bytes, serverSide) => AssertBinaryDecodesOrFails(bytes, serverSide), iter: Iterations);
    }

    [Fact]
    public void Should_reencode_every_valid_frame_to_the_same_bytes()
    {
        ValidFrames.Sample(frame =>
        {
            var result = BinaryCodec.Decode(frame, serverSide: frame[3] < (byte)MessageType.LogonAck);

            Assert.True(result.IsSuccess, result.ErrorText);
            Assert.Equal(frame, BinaryCodec.Encode(result.Message!, result.Sequence));
        });
    }

    [Fact]
    public void Should_never_throw_on_random_or_mutated_json()
    {
        Gen.Select(RandomBytes, Gen.Bool).Sample((bytes, serverSide) => AssertJsonDecodesOrFails(bytes, serverSide), iter: Iterations);
        Gen.Select(JsonishBytes, Gen.Bool).Sample((bytes, serverSide) => AssertJsonDecodesOrFails(bytes, serverSide), iter: Iterations);
        Gen.Select(Mutate(ValidJson), Gen.Bool).Sample((bytes, serverSide) => AssertJsonDecodesOrFails(bytes, serverSide), iter: Iterations);
    }

    private static void AssertBinaryDecodesOrFails(byte[] bytes, bool serverSide)
    {
        var result = BinaryCodec.Decode(bytes, serverSide);

        if (result.IsSuccess)
        {
            Assert.Equal(ProtocolErrorCode.None, result.Error);
            Assert.True(result.Sequence >= 1);
            Assert.Equal(bytes, BinaryCodec.Encode(result.Message!, result.Sequence));
        }
        else
        {
            Assert.NotEqual(ProtocolErrorCode.None, result.Error);
            Assert.False(string.IsNullOrEmpty(result.ErrorText));
        }
    }

    private static void AssertJsonDecodesOrFails(byte[] bytes, bool serverSide)
    {
        var result = JsonCodec.Decode(bytes, serverSide);

        if (result.IsSuccess)
        {
            Assert.Equal(ProtocolErrorCode.None, result.Error);
            Assert.True(result.Sequence >= 1);
            var again = JsonCodec.Decode(JsonCodec.Encode(result.Message!, result.Sequence), serverSide);
            Assert.Equal(result, again);
        }
        else
        {
            Assert.NotEqual(ProtocolErrorCode.None, result.Error);
            Assert.False(string.IsNullOrEmpty(result.ErrorText));
        }
    }

    /// <summary>One to four edits of a valid input: flip a bit, overwrite, insert or delete a byte, or truncate.</summary>
    private static Gen<byte[]> Mutate(Gen<byte[]> valid) =>
        Gen.Select(valid, Gen.Int[0, 4].Array[1, 4], Gen.Int.Array[4], Gen.Byte.Array[4], (input, kinds, positions, values) =>
        {
            var bytes = new List<byte>(input);
            for (var i = 0; i < kinds.Length; i++)
            {
                var at = bytes.Count == 0 ? 0 : (int)((uint)positions[i] % (uint)bytes.Count);
                switch (kinds[i])
                {
                    case 0 when bytes.Count > 0:
                        bytes[at] ^= (byte)(1 << (values[i] & 7));
                        break;
                    case 1 when bytes.Count > 0:
                        bytes[at] = values[i];
                        break;
                    case 2:
                        bytes.Insert(at, values[i]);
                        break;
                    case 3 when bytes.Count > 0:
                        bytes.RemoveAt(at);
                        break;
                    case 4:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                    default:
                        break;
                }
            }

            return bytes.ToArray();
        });

    private static byte[] FixLength(byte[] frame)
    {
        if (frame.Length >= BinaryCodec.LengthFieldSize)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(frame, (ushort)(frame.Length - BinaryCodec.LengthFieldSize));
        }

        return frame;
    }
}
