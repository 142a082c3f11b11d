using System.Text;
using System.Xml;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// Writes the XML answers of dialect 001 (schema in docs/http-api-001.md), UTF-8 without a byte order mark:
/// <code>
/// &lt;response&gt;&lt;send&gt;&lt;sms id="106" phone="380989361131"/&gt;&lt;refused phone="…" code="no_route"/&gt;&lt;/send&gt;&lt;/response&gt;
/// &lt;response&gt;&lt;status&gt;&lt;sms id="106" status="ENROUTE" integration_id="…"/&gt;&lt;unknown id="107"/&gt;&lt;/status&gt;&lt;/response&gt;
/// &lt;response&gt;&lt;senders&gt;&lt;sender&gt;test1&lt;/sender&gt;&lt;/senders&gt;&lt;/response&gt;
/// &lt;response&gt;&lt;balance&gt;&lt;money&gt;8111.1700&lt;/money&gt;&lt;currency&gt;UAH&lt;/currency&gt;&lt;/balance&gt;&lt;/response&gt;
/// &lt;response&gt;&lt;error status="400" code="invalid_phone"&gt;a sentence&lt;/error&gt;&lt;/response&gt;
/// </code>
/// </summary>
internal static class Dialect001XmlAnswerWriter
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static byte[] Send(Dialect001SendResult result) => Write(writer =>
    {
        writer.WriteStartElement("send");
        foreach (var (id, phone) in result.Sent)
        {
            writer.WriteStartElement("sms");
            writer.WriteAttributeString("id", id);
            writer.WriteAttributeString("phone", phone);
            writer.WriteEndElement();
        }

        foreach (var (phone, code) in result.Refused)
        {
            writer.WriteStartElement("refused");
            writer.WriteAttributeString("phone", phone);
            writer.WriteAttributeString("code", code);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static byte[] Status(Dialect001StatusResult result) => Write(writer =>
    {
        writer.WriteStartElement("status");
        foreach (var state in result.Found)
        {
            writer.WriteStartElement("sms");
            writer.WriteAttributeString("id", state.Id);
            writer.WriteAttributeString("status", state.Status);
            if (state.IntegrationId is { } integrationId)
            {
                writer.WriteAttributeString("integration_id", integrationId);
            }

            writer.WriteEndElement();
        }

        foreach (var id in result.Unknown)
        {
            writer.WriteStartElement("unknown");
            writer.WriteAttributeString("id", id);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static byte[] Senders(IReadOnlyList<string> senders) => Write(writer =>
    {
        writer.WriteStartElement("senders");
        foreach (var sender in senders)
        {
            writer.WriteElementString("sender", sender);
        }

        writer.WriteEndElement();
    });

    public static byte[] Balance(Dialect001Balance balance) => Write(writer =>
    {
        writer.WriteStartElement("balance");
        writer.WriteElementString("money", balance.Money);
        writer.WriteElementString("currency", balance.Currency);
        writer.WriteEndElement();
    });

    public static byte[] Error(Dialect001Error error) => Write(writer =>
    {
        writer.WriteStartElement("error");
        writer.WriteAttributeString("status", error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteAttributeString("code", error.Code);
        writer.WriteString(error.Message);
        writer.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> content)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("response");
            content(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
