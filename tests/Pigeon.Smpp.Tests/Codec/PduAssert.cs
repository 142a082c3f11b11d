using System.Collections;
using System.Reflection;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>Assertions on PDUs that tests share: decoding a frame, and structural equality of two PDUs.</summary>
internal static class PduAssert
{
    /// <summary>Decodes a frame, asserting success and the PDU's type.</summary>
    public static T Decodes<T>(byte[] frame)
        where T : Pdu
    {
        var result = PduDecoder.Decode(frame);
        Assert.Equal(CommandStatus.Ok, result.Error);
        return Assert.IsType<T>(result.Pdu);
    }

    /// <summary>Decodes a frame, asserting it fails with <paramref name="expected"/> and keeps the header.</summary>
    public static PduDecodeResult FailsWith(CommandStatus expected, byte[] frame)
    {
        var result = PduDecoder.Decode(frame);
        Assert.Equal(expected, result.Error);
        Assert.Null(result.Pdu);
        return result;
    }

    /// <summary>
    /// Asserts two PDUs are the same PDU: same type, the same bytes when encoded, and equal values in every public
    /// property, typed TLV accessors and derived properties included. Comparing bytes alone would miss a field the
    /// encoder forgets; comparing fields alone would miss a TLV order change.
    /// </summary>
    public static void StructurallyEqual(Pdu expected, Pdu actual)
    {
        Assert.NotNull(actual);
        var type = expected.GetType();
        Assert.Equal(type, actual.GetType());
        Assert.Equal(PduEncoder.ToArray(expected), PduEncoder.ToArray(actual));
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var expectedValue = property.GetValue(expected);
            var actualValue = property.GetValue(actual);
            if (!FieldEquals(expectedValue, actualValue))
            {
                Assert.Fail($"{type.Name}.{property.Name}: expected {Show(expectedValue)} but was {Show(actualValue)}.");
            }
        }
    }

    private static bool FieldEquals(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (ReadOnlyMemory<byte> e, ReadOnlyMemory<byte> a) => e.Span.SequenceEqual(a.Span),
        (string e, string a) => string.Equals(e, a, StringComparison.Ordinal),
        (IEnumerable e, IEnumerable a) => e.Cast<object?>().SequenceEqual(a.Cast<object?>()),
        _ => expected.Equals(actual),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        ReadOnlyMemory<byte> bytes => Convert.ToHexString(bytes.Span),
        string text => $"\"{text}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
