using Akka.Serialization;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Serialization;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// The journal and wire format: every message type goes through Akka's serialization to our serializer and back,
/// and its bytes equal a fixture checked in here, so that an accidental layout change fails a spec instead of
/// making old journals unreadable. A deliberate change is a new format version, and new fixtures beside these.
/// </summary>
public sealed class ExchangeSerializerSpecs() : Akka.TestKit.Xunit2.TestKit(TestConfig.Config)
{
    /// <summary>Format version 1 of each sample in <see cref="SerializerSamples.ByManifest"/>, as hex.</summary>
    private static readonly Dictionary<string, string> Fixtures = new()
    {
        ["bb"] = "0104D20FD608010E0001D40FD8080110000101FEFFFFFFFFFFFFFFFF0101000701D20FDA08020E0001040152AAB4AEF2EDA9FEFA30FF1F0ED20FD6080402080602A4BB9906F001F001AA94E9F6ACADFEFA30030200BFE60710D40FD808020404A4BB990628060ED20FD608C801020202BE861801FEFFFFFFFFFFFFFFFF01020202A6BB990614020E040202BF86200ED20FD608040208A4BB9906C80102",
        ["bs2"] = "0101074254432D55534404080A141480ADE20480E8888743E807A4BB990601074254432D555344581208A4BB9906020AD60FCC0801010000DCB999063C000ED20FD60802040201A4BB9906C801AA94E9F6ACADFEFA3002D60FCC08010A003CD70FB2F7FFFFFFFFFFFFFF010109071A",
        ["ic"] = "01074254432D55534404080A141480ADE20480E8888743E807A4BB9906",
        ["tc"] = "01011C6369726375697420627265616B65723A20352520696E2031206D696E",
        ["cmd"] = "01074254432D555344E2A2F3AD0701FF1FAAB4AEF2EDA9FEFA30D20FD608180402080202A4BB9906F001AA94E9F6ACADFEFA30",
        ["res"] = "01074254432D555344E2A2F3AD07011000020152AAB4AEF2EDA9FEFA30FF1F0ED20FD6080402080602A4BB9906F001F001AA94E9F6ACADFEFA30030200BFE60710D40FD808020404A4BB990628060ED20FD608C801",
        ["gd"] = "01074254432D55534428",
        ["dp"] = "01074254432D55534458A4BB990602DCB999063C02F8B89906F4030601A4BB9906C80102",
        ["gs"] = "01074254432D555344",
        ["st"] = "01074254432D5553440100585604F8ACD191E1DFF286F00104F2C001",
        ["si"] = "01074254432D55534404080A141480ADE20480E8888743E807A4BB9906",
        ["ir"] = "01074254432D55534400257469636B2073697A652030206D75737420626520706F7369746976653B20C3BC6D6C617574",
        ["th"] = "01074254432D555344010B6D616E75616C2068616C74",
        ["stop"] = "01",
        ["go"] = "01074254432D555344E807",
        ["bo"] = "01074254432D55534458010ED20FD60801040201DCB999063CAA94E9F6ACADFEFA30",
        ["gos"] = "01074254432D555344D20F0EE2A2F3AD07",
        ["osr"] = "01074254432D555344E2A2F3AD07010ED20FD60802010000A4BB9906C80100",
        ["ae"] = "01074254432D555344010354AAB4AEF2EDA9FEFA30BFE60710D40FD808020404A4BB990628060ED20FD608C801",
        ["snb"] = "01074254432D555344",
        ["snt"] = "01074254432D5553440118580C6A6F75726E616C2062757379",
        ["il"] = "01074254432D55534404080A141480ADE20480E8888743E807A4BB9906",
    };

    /// <summary>Layouts no longer written but still read (older journals), by manifest, each of the sample of the layout that replaced it.</summary>
    private static readonly Dictionary<string, (string Hex, string SampleManifest)> ReadOnlyFixtures = new()
    {
        ["bs"] = ("0101074254432D55534404080A141480ADE20480E8888743E807A4BB990601074254432D555344581208A4BB9906020AD60FCC0801010000DCB999063C000ED20FD60802040201A4BB9906C801AA94E9F6ACADFEFA3002D60FCC08010A003C01FEFFFFFFFFFFFFFFFF0101000756", "bs2"),
    };

    public static TheoryData<string> ManifestNames => [.. SerializerSamples.ByManifest.Keys];

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Should_serialize_each_type_with_the_exchange_serializer_to_its_fixed_bytes_and_back(string manifest)
    {
        var sample = SerializerSamples.ByManifest[manifest];

        var serializer = Sys.Serialization.FindSerializerFor(sample);
        Assert.IsType<ExchangeSerializer>(serializer);
        Assert.Equal(7401, serializer.Identifier);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, sample));

        var bytes = serializer.ToBinary(sample);
        Assert.Equal(Fixtures[manifest], Convert.ToHexString(bytes));
        MessageAssert.Equivalent(sample, Sys.Serialization.Deserialize(bytes, 7401, manifest));
    }

    [Fact]
    public void Should_read_every_fixture_back_into_its_sample()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(IExchangeMessage));
        foreach (var (manifest, hex) in Fixtures)
        {
            MessageAssert.Equivalent(SerializerSamples.ByManifest[manifest], serializer.FromBinary(Convert.FromHexString(hex), manifest));
        }
    }

    [Fact]
    public void Should_still_read_the_layouts_it_no_longer_writes()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(IExchangeMessage));
        foreach (var (manifest, (hex, sampleManifest)) in ReadOnlyFixtures)
        {
            MessageAssert.Equivalent(SerializerSamples.ByManifest[sampleManifest], serializer.FromBinary(Convert.FromHexString(hex), manifest));
        }
    }

    [Fact]
    public void Should_round_trip_empty_extreme_and_absent_values()
    {
        foreach (var variant in SerializerSamples.Variants)
        {
            var serializer = Sys.Serialization.FindSerializerFor(variant);
            var bytes = serializer.ToBinary(variant);
            MessageAssert.Equivalent(variant, Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, variant)));
        }
    }

    [Fact]
    public void Should_have_a_sample_and_a_fixture_for_every_exchange_message_type()
    {
        var messageTypes = typeof(IExchangeMessage).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IExchangeMessage).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);
        var sampled = SerializerSamples.ByManifest.Values.Select(s => s.GetType().FullName).Order(StringComparer.Ordinal);

        Assert.Equal(messageTypes, sampled);
        Assert.Equal(SerializerSamples.ByManifest.Keys.Order(StringComparer.Ordinal), Fixtures.Keys.Order(StringComparer.Ordinal));
    }
}
