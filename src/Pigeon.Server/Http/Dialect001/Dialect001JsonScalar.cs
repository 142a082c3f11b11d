using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// A phone number, message id or integration_id as a client wrote it: a JSON string, or a JSON number kept as its
/// literal text (so 380989361131 reads as "380989361131", while 3.8e11 or -380… keep the characters that make
/// them invalid). Any other JSON value reads as <see cref="Text"/> null, which the checks refuse by name.
/// </summary>
[JsonConverter(typeof(Dialect001JsonScalarConverter))]
internal readonly record struct Dialect001JsonScalar(string? Text);
