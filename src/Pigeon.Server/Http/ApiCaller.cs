using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Submission;

namespace Pigeon.Server.Http;

/// <summary>
/// Who an HTTP request acts for, once its API key was accepted: the key, its customer, and the customer's
/// <see cref="SubmittingAccount"/> to submit with. Every read and write of an API is scoped to <see cref="Customer"/>.
/// </summary>
internal sealed record ApiCaller(ApiKey Key, Customer Customer, SubmittingAccount Account)
{
    public long CustomerId => Customer.Id;
}
