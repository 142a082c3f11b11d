using FsCheck;
using FsCheck.Fluent;

namespace Pigeon.Smpp.Tests.Text;

/// <summary>Random texts drawn from each alphabet, short and long (up to several segments).</summary>
internal static class SmsGenerators
{
    // 3GPP TS 23.038 section 6.2.1, written out independently of the library's table; 0x1B (escape) left out.
    public const string GsmBasic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Section 6.2.1.1.
    public const string GsmExtension = "\f^{}\\[~]|€";

    private static Gen<string> Text(Gen<string> element, int maxElements) =>
        Gen.Choose(0, maxElements).SelectMany(n => element.ArrayOf(n)).Select(string.Concat);

    private static Gen<string> GsmElement =>
        Gen.Frequency((6, Gen.Elements(GsmBasic.ToCharArray())), (1, Gen.Elements(GsmExtension.ToCharArray())))
            .Select(c => c.ToString());

    private static Gen<string> Latin1Element => Gen.Choose(0, 0xFF).Select(c => ((char)c).ToString());

    private static Gen<string> UnicodeElement => Gen.Frequency(
        (3, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (3, Gen.Choose(0, 0xD7FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xE000, 0xFFFF).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    /// <summary>GSM basic and extension characters, up to 700 of them (five or so segments).</summary>
    public static Arbitrary<string> Gsm => Arb.From(Text(GsmElement, 700));

    /// <summary>Any ISO-8859-1 character, up to 700.</summary>
    public static Arbitrary<string> Latin1 => Arb.From(Text(Latin1Element, 700));

    /// <summary>Any Unicode scalar value, astral planes included (as surrogate pairs), up to 400 code points.</summary>
    public static Arbitrary<string> Unicode => Arb.From(Text(UnicodeElement, 400));
}
