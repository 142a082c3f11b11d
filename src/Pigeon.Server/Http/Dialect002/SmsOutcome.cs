namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// What happened to one SMS of a request: its <see cref="SmsInfo"/>, the API status code it stands for (200 when
/// taken) and the HTTP status a request of only this SMS is answered with.
/// </summary>
internal sealed record SmsOutcome(SmsInfo Info, int Code, int HttpStatus)
{
    public bool Succeeded => Code == ApiStatus.Success;
}
