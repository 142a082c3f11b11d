namespace Pigeon.Gateway.Storage;

/// <summary>
/// One change to stored state, executed by <see cref="IWriteBatchExecutor"/> inside a transaction shared with other
/// commands (see <see cref="GroupCommitWriter"/>). The set is closed: every command is declared in this assembly and
/// every store implements all of them.
/// <list type="table">
/// <listheader><term>command</term><description>effect, and what its <see cref="WriteResult"/> says</description></listheader>
/// <item><term><see cref="AcceptMessage"/></term><description>message and parts stored, charge taken from the balance through the ledger; Balance</description></item>
/// <item><term><see cref="RecordSupplierAccepted"/></term><description>part Enroute, supplier id map stored, waiting receipts matched and applied</description></item>
/// <item><term><see cref="FinishPart"/></term><description>Pigeon ends a part itself (rejected, expired, deleted), refund once</description></item>
/// <item><term><see cref="RecordFailover"/></term><description>part moved to the next supplier of its route, back in that supplier's queue</description></item>
/// <item><term><see cref="StoreReceipt"/></term><description>supplier receipt kept; matched and applied when its id map is known</description></item>
/// <item><term><see cref="EnqueueCustomerReceipt"/></term><description>a receipt owed to an SMPP account, beyond those the store queues itself</description></item>
/// <item><term><see cref="MarkCustomerReceiptDelivered"/></term><description>the account acknowledged it (deliver_sm_resp)</description></item>
/// <item><term><see cref="ExpireCustomerReceipts"/></term><description>receipts owed too long are given up; Count</description></item>
/// <item><term><see cref="StoreMo"/></term><description>a mobile-originated message kept for its customer; Id</description></item>
/// <item><term><see cref="MarkMoDelivered"/></term><description>the customer acknowledged it</description></item>
/// <item><term><see cref="RememberRequest"/></term><description>a keyed HTTP request's answer kept, unless its key is; Changed</description></item>
/// </list>
/// Commands that finish a part also roll the parts up into the message's status
/// (<see cref="MessageStatusRollup"/>) and, when that makes the message final and its registered_delivery asks for
/// a receipt, queue a <see cref="CustomerReceiptRecord"/> for the SMPP account it came in on — in the same
/// transaction, so no crash can separate a final status from the receipt owed for it.
/// </summary>
public abstract record WriteCommand
{
    private protected WriteCommand()
    {
    }
}
