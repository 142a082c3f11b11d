using System.Text;
using System.Xml;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// Reads the XML form of a dialect-001 request (schema in docs/http-api-001.md):
/// <code>
/// &lt;request&gt;
///   &lt;auth token="…"/&gt; or &lt;auth login="…" password="…"/&gt;   optional; the Authorization header wins
///   one of: &lt;send&gt;&lt;src_addr/&gt;&lt;phone/&gt;…&lt;message/&gt;&lt;integration_id/&gt;&lt;/send&gt;
///           &lt;status&gt;&lt;id_sms/&gt;…&lt;/status&gt;   &lt;senders/&gt;   &lt;balance/&gt;
/// &lt;/request&gt;
/// </code>
/// Safe on hostile input: DTDs are refused outright (so no entity can be declared, expanded or fetched: no XXE, no
/// entity bombs), no resolver is set, and the document's size is bounded by the body limit and
/// <see cref="MaxCharacters"/>. Text is read as strict UTF-8 whatever the declaration says, and a declaration
/// naming another encoding is refused. Unknown elements are refused rather than ignored, so a misspelt field is
/// not silently dropped.
/// </summary>
internal static class Dialect001XmlRequestReader
{
    /// <summary>Most characters of a request document.</summary>
    public const long MaxCharacters = 1 << 20;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (Dialect001XmlRequest? Request, Dialect001Error? Error) Read(Dialect001RequestBody body)
    {
        try
        {
            using var text = new StreamReader(body.OpenStream(), StrictUtf8, detectEncodingFromByteOrderMarks: false);
            using var reader = XmlReader.Create(text, Settings);
            if (!reader.Read())
            {
                return Invalid("The body holds no XML element.");
            }

            if (reader.NodeType == XmlNodeType.XmlDeclaration
                && reader.GetAttribute("encoding") is { } encoding
                && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                return (null, Dialect001Error.Validation("unsupported_encoding", $"The request must be UTF-8, not {encoding}."));
            }

            reader.MoveToContent();
            return ReadRequest(reader);
        }
        catch (XmlException) when (body.Span.IndexOf("<!DOCTYPE"u8) >= 0)
        {
            return (null, Dialect001Error.Validation("dtd_not_allowed", "Document type declarations (and so entities) are not allowed."));
        }
        catch (XmlException e)
        {
            return (null, Dialect001Error.Validation("invalid_xml", "The body is not well-formed XML: " + e.Message));
        }
    }

    private static (Dialect001XmlRequest?, Dialect001Error?) ReadRequest(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "request" || reader.NamespaceURI.Length > 0)
        {
            return Invalid("The root element must be <request>.");
        }

        Dialect001XmlOperation? operation = null;
        var credentials = Dialect001Credentials.None;
        var sawAuth = false;
        Dialect001SendCommand? send = null;
        List<string?>? ids = null;
        if (reader.IsEmptyElement)
        {
            return Invalid("<request> names no operation: put one of <send>, <status>, <senders>, <balance> in it.");
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                return Invalid("<request> holds only elements.");
            }

            var name = reader.LocalName;
            if (name == "auth")
            {
                if (sawAuth)
                {
                    return Invalid("<auth> is given twice.");
                }

                sawAuth = true;
                credentials = Dialect001Credentials.FromXml(reader.GetAttribute("login"), reader.GetAttribute("password"), reader.GetAttribute("token"));
                reader.Skip();
                continue;
            }

            var named = name switch
            {
                "send" => Dialect001XmlOperation.Send,
                "status" => Dialect001XmlOperation.Status,
                "senders" => Dialect001XmlOperation.Senders,
                "balance" => Dialect001XmlOperation.Balance,
                _ => (Dialect001XmlOperation?)null,
            };
            if (named is null)
            {
                return Invalid($"<{name}> is not an element of <request>.");
            }

            if (operation is not null)
            {
                return Invalid("<request> names more than one operation.");
            }

            operation = named;
            var error = named switch
            {
                Dialect001XmlOperation.Send => ReadSend(reader, out send),
                Dialect001XmlOperation.Status => ReadIds(reader, out ids),
                _ => SkipEmpty(reader),
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        // The rest must be well-formed too (a second root or stray text is an error).
        while (reader.Read())
        {
        }

        return operation is { } found
            ? (new Dialect001XmlRequest(found, credentials, send, ids), null)
            : Invalid("<request> names no operation: put one of <send>, <status>, <senders>, <balance> in it.");
    }

    private static Dialect001Error? ReadSend(XmlReader reader, out Dialect001SendCommand? send)
    {
        send = null;
        string? source = null, message = null, integrationId = null;
        var phones = new List<string?>();
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    return InvalidError("<send> holds only elements.");
                }

                var name = reader.LocalName;
                switch (name)
                {
                    case "phone":
                        phones.Add(reader.ReadElementContentAsString().Trim());
                        break;
                    case "src_addr" when source is null:
                        source = reader.ReadElementContentAsString().Trim();
                        break;
                    case "message" when message is null:
                        message = reader.ReadElementContentAsString();
                        break;
                    case "integration_id" when integrationId is null:
                        integrationId = reader.ReadElementContentAsString().Trim();
                        break;
                    case "src_addr" or "message" or "integration_id":
                        return InvalidError($"<{name}> is given twice.");
                    default:
                        return InvalidError($"<{name}> is not an element of <send>.");
                }
            }
        }

        reader.Read();
        send = new Dialect001SendCommand(source, phones, message, integrationId);
        return null;
    }

    private static Dialect001Error? ReadIds(XmlReader reader, out List<string?>? ids)
    {
        ids = [];
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "id_sms")
                {
                    return InvalidError("<status> holds only <id_sms> elements.");
                }

                ids.Add(reader.ReadElementContentAsString().Trim());
            }
        }

        reader.Read();
        return null;
    }

    private static Dialect001Error? SkipEmpty(XmlReader reader)
    {
        var name = reader.LocalName;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            if (reader.NodeType != XmlNodeType.EndElement)
            {
                return InvalidError($"<{name}> takes nothing inside.");
            }
        }

        reader.Read();
        return null;
    }

    private static (Dialect001XmlRequest?, Dialect001Error?) Invalid(string message) => (null, InvalidError(message));

    private static Dialect001Error InvalidError(string message) => Dialect001Error.Validation("invalid_request", message);
}
