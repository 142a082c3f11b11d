using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Pigeon.Gateway.Identity;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The opaque cursor of message lists: base64url of "m1:" and the id the next page starts below. Opaque so its form
/// may change ("m2:…") while old cursors keep working for a while; clients must not build one.
/// </summary>
internal static class MessageCursor
{
    private const string Version = "m1:";

    public static string Encode(MessageId before) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Version + before.Value.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string cursor, out MessageId before)
    {
        before = default;
        if (cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        if (!text.StartsWith(Version, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(Version.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || id <= 0)
        {
            return false;
        }

        before = new MessageId(id);
        return true;
    }
}
