using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Client;

/// <summary>
/// Answers a request the SMSC sends an <see cref="SmppClient"/> (deliver_sm, data_sm). Return the response, or
/// null to answer Ok with an empty body; return <c>request.CreateResponse(status)</c> to answer an error. An
/// exception is answered ESME_RSYSERR. The token is cancelled when the session closes.
/// </summary>
public delegate ValueTask<ResponsePdu?> SmppRequestHandler(RequestPdu request, CancellationToken cancellationToken);
