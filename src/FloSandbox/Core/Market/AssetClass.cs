namespace FloSandbox.Core.Market;

// The five asset classes of the docs' borrow table. Wire names live in AssetClasses.
public enum AssetClass
{
    LargeCapEquity,
    BlueChipEtf,
    GovernmentBond,
    CorporateCredit,
    PrivateCredit,
}
