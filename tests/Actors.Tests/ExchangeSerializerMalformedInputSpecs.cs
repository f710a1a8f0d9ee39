using System.Runtime.Serialization;
using Akka.Serialization;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Actors.Tests;

/// <summary>Corrupt journal rows or hostile remote bytes are refused with a SerializationException, never anything else.</summary>
public sealed class ExchangeSerializerMalformedInputSpecs() : Akka.TestKit.Xunit2.TestKit(TestConfig.Config)
{
    public static TheoryData<string> ManifestNames => [.. SerializerSamples.ByManifest.Keys];

    private SerializerWithStringManifest Serializer =>
        (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(IExchangeMessage));

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Should_refuse_every_truncation(string manifest)
    {
        var bytes = Serializer.ToBinary(SerializerSamples.ByManifest[manifest]);
        for (var length = 0; length < bytes.Length; length++)
        {
            AssertRefused(bytes[..length], manifest);
        }
    }

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Should_refuse_an_unknown_format_version(string manifest)
    {
        var bytes = Serializer.ToBinary(SerializerSamples.ByManifest[manifest]);
        foreach (var version in new byte[] { 0, 2, 0xFF })
        {
            var other = (byte[])bytes.Clone();
            other[0] = version;
            var error = AssertRefused(other, manifest);
            Assert.Contains("format version", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Should_refuse_trailing_bytes(string manifest)
    {
        var bytes = Serializer.ToBinary(SerializerSamples.ByManifest[manifest]);
        AssertRefused([.. bytes, 0], manifest);
        AssertRefused([.. bytes, .. bytes], manifest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("BB")]
    [InlineData("LoomExchange.Actors.Protocol.BookCommand")]
    public void Should_refuse_an_unknown_manifest(string manifest)
    {
        var error = AssertRefused(Serializer.ToBinary(SerializerSamples.ByManifest["gs"]), manifest);
        Assert.Contains("manifest", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Should_refuse_or_read_corrupted_bytes_but_never_throw_anything_else(string manifest)
    {
        // Seeded mutations of the fixture (flipped bits, random bytes, lengths): each either reads or is refused.
        var original = Serializer.ToBinary(SerializerSamples.ByManifest[manifest]);
        var random = new Random(manifest.GetHashCode(StringComparison.Ordinal) ^ 1234);
        for (var i = 0; i < 500; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 1 + random.Next(3); flips > 0; flips--)
            {
                var at = 1 + random.Next(Math.Max(1, bytes.Length - 1));
                if (at < bytes.Length)
                {
                    bytes[at] = random.Next(2) == 0 ? (byte)(bytes[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
                }
            }

            try
            {
                Serializer.FromBinary(bytes, manifest);
            }
            catch (SerializationException)
            {
            }
        }
    }

    [Fact]
    public void Should_refuse_to_serialize_a_type_it_has_no_layout_for()
    {
        Assert.Throws<SerializationException>(() => Serializer.Manifest("not a message"));
        Assert.Throws<SerializationException>(() => Serializer.ToBinary("not a message"));
    }

    /// <summary>Both the serializer itself and Akka's serialization front door must refuse with a SerializationException.</summary>
    private SerializationException AssertRefused(byte[] bytes, string manifest)
    {
        var error = Assert.Throws<SerializationException>(() => Serializer.FromBinary(bytes, manifest));
        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, 7401, manifest));
        return error;
    }
}
