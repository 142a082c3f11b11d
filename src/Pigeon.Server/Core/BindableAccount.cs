using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Gateway.Submission;

namespace Pigeon.Server.Core;

/// <summary>
/// An SMPP account prepared for binds and submits: its customer, its parsed allow-list (null when malformed, so the
/// authorizer parses and refuses it) and the submission snapshot.
/// </summary>
internal sealed record BindableAccount(SmppAccount Account, Customer Customer, IpAllowList? AllowList, SubmittingAccount Submitting);
