namespace Pigeon.Server.Http.Dialect001;

/// <summary>A balance as the document shows it: the amount with four decimals as a string, and the ISO 4217 currency.</summary>
internal sealed record Dialect001Balance(string Money, string Currency);
