using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// One dest_address of submit_multi (section 4.5.1.1): either an SME address or the name of a distribution list
/// held by the SMSC.
/// <code>
/// dest_flag = 1 (SME address)        dest_flag = 2 (distribution list)
/// field             size             field      size
/// dest_flag         1                dest_flag  1
/// dest_addr_ton     1                dl_name    C ≤21
/// dest_addr_npi     1
/// destination_addr  C ≤21
/// </code>
/// </summary>
public readonly record struct DestinationAddress
{
    private DestinationAddress(DestinationFlag flag, SmppAddress address, string distributionListName)
    {
        Flag = flag;
        Address = address;
        DistributionListName = distributionListName;
    }

    /// <summary>Which of the two forms this is.</summary>
    public DestinationFlag Flag { get; }

    /// <summary>The SME address; <see cref="SmppAddress.Empty"/> for a distribution list.</summary>
    public SmppAddress Address { get; }

    /// <summary>The distribution list name (at most 20 characters); empty for an SME address.</summary>
    public string DistributionListName { get; }

    /// <summary>A destination that is one SME.</summary>
    public static DestinationAddress Sme(SmppAddress address) => new(DestinationFlag.SmeAddress, address, string.Empty);

    /// <summary>A destination that is a distribution list the SMSC expands.</summary>
    public static DestinationAddress DistributionList(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(DestinationFlag.DistributionList, SmppAddress.Empty, name);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Flag == DestinationFlag.DistributionList ? $"dl:{DistributionListName}" : Address.ToString();
}
