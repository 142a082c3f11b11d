using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// One unsuccess_sme of submit_multi_resp (section 4.5.2.1): a destination the SMSC could not accept and why.
/// <code>
/// field              size
/// dest_addr_ton      1
/// dest_addr_npi      1
/// destination_addr   C ≤21
/// error_status_code  4      a command_status value (section 5.1.3)
/// </code>
/// </summary>
public readonly record struct UnsuccessfulSme(SmppAddress Address, CommandStatus ErrorStatusCode);
