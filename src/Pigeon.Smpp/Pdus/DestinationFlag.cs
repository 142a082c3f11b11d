namespace Pigeon.Smpp.Pdus;

/// <summary>dest_flag of a submit_multi dest_address (section 4.5.1.1). Wire values.</summary>
public enum DestinationFlag : byte
{
    /// <summary>An SME address follows: dest_addr_ton, dest_addr_npi, destination_addr.</summary>
    SmeAddress = 1,
    /// <summary>A distribution list name follows: dl_name.</summary>
    DistributionList = 2,
}
