using static FloSandbox.SeedGen.SeedAssetClass;
using static FloSandbox.SeedGen.SeedVenue;

namespace FloSandbox.SeedGen;

// Real instruments with their real names and listing venues; the docs' tickers come first in each class.
public static class WellKnownTokens
{
    public sealed record Entry(string Ticker, string Name, string AssetClass, string Venue, bool Fractional);

    public static readonly IReadOnlyList<Entry> All =
    [
        Equity("AAPL", "Apple Inc.", Nasdaq),
        Equity("NVDA", "NVIDIA Corporation", Nasdaq),
        Equity("TSLA", "Tesla, Inc.", Nasdaq),
        Equity("MSFT", "Microsoft Corporation", Nasdaq),
        Equity("AMZN", "Amazon.com, Inc.", Nasdaq),
        Equity("GOOGL", "Alphabet Inc.", Nasdaq),
        Equity("META", "Meta Platforms, Inc.", Nasdaq),
        Equity("AVGO", "Broadcom Inc.", Nasdaq),
        Equity("COST", "Costco Wholesale Corporation", Nasdaq),
        Equity("PEP", "PepsiCo, Inc.", Nasdaq),
        Equity("AMD", "Advanced Micro Devices, Inc.", Nasdaq),
        Equity("NFLX", "Netflix, Inc.", Nasdaq),
        Equity("INTC", "Intel Corporation", Nasdaq),
        Equity("CSCO", "Cisco Systems, Inc.", Nasdaq),
        Equity("ADBE", "Adobe Inc.", Nasdaq),
        Equity("JPM", "JPMorgan Chase & Co.", Nyse),
        Equity("V", "Visa Inc.", Nyse),
        Equity("MA", "Mastercard Incorporated", Nyse),
        Equity("UNH", "UnitedHealth Group Incorporated", Nyse),
        Equity("XOM", "Exxon Mobil Corporation", Nyse),
        Equity("JNJ", "Johnson & Johnson", Nyse),
        Equity("PG", "The Procter & Gamble Company", Nyse),
        Equity("HD", "The Home Depot, Inc.", Nyse),
        Equity("KO", "The Coca-Cola Company", Nyse),
        Equity("BAC", "Bank of America Corporation", Nyse),
        Equity("LLY", "Eli Lilly and Company", Nyse),
        Equity("DIS", "The Walt Disney Company", Nyse),
        Equity("ORCL", "Oracle Corporation", Nyse),
        Equity("CRM", "Salesforce, Inc.", Nyse),
        Equity("MRK", "Merck & Co., Inc.", Nyse),
        Equity("ABBV", "AbbVie Inc.", Nyse),
        Equity("CVX", "Chevron Corporation", Nyse),

        Fund("SPY", "SPDR S&P 500 ETF Trust", BlueChipEtf, NyseArca),
        Fund("QQQ", "Invesco QQQ Trust, Series 1", BlueChipEtf, Nasdaq),
        Fund("VTI", "Vanguard Total Stock Market ETF", BlueChipEtf, NyseArca),
        Fund("VOO", "Vanguard S&P 500 ETF", BlueChipEtf, NyseArca),
        Fund("IVV", "iShares Core S&P 500 ETF", BlueChipEtf, NyseArca),
        Fund("DIA", "SPDR Dow Jones Industrial Average ETF Trust", BlueChipEtf, NyseArca),
        Fund("IWM", "iShares Russell 2000 ETF", BlueChipEtf, NyseArca),
        Fund("VEA", "Vanguard FTSE Developed Markets ETF", BlueChipEtf, NyseArca),
        Fund("VWO", "Vanguard FTSE Emerging Markets ETF", BlueChipEtf, NyseArca),
        Fund("VUG", "Vanguard Growth ETF", BlueChipEtf, NyseArca),
        Fund("VTV", "Vanguard Value ETF", BlueChipEtf, NyseArca),
        Fund("SCHD", "Schwab U.S. Dividend Equity ETF", BlueChipEtf, NyseArca),
        Fund("XLK", "Technology Select Sector SPDR Fund", BlueChipEtf, NyseArca),
        Fund("XLF", "Financial Select Sector SPDR Fund", BlueChipEtf, NyseArca),
        Fund("XLE", "Energy Select Sector SPDR Fund", BlueChipEtf, NyseArca),
        Fund("XLV", "Health Care Select Sector SPDR Fund", BlueChipEtf, NyseArca),
        Fund("RSP", "Invesco S&P 500 Equal Weight ETF", BlueChipEtf, NyseArca),

        Fund("TLT", "iShares 20+ Year Treasury Bond ETF", GovernmentBond, Nasdaq),
        Fund("SGOV", "iShares 0-3 Month Treasury Bond ETF", GovernmentBond, NyseArca),
        Fund("IEF", "iShares 7-10 Year Treasury Bond ETF", GovernmentBond, Nasdaq),
        Fund("SHY", "iShares 1-3 Year Treasury Bond ETF", GovernmentBond, Nasdaq),
        Fund("IEI", "iShares 3-7 Year Treasury Bond ETF", GovernmentBond, Nasdaq),
        Fund("SHV", "iShares Short Treasury Bond ETF", GovernmentBond, Nasdaq),
        Fund("BIL", "SPDR Bloomberg 1-3 Month T-Bill ETF", GovernmentBond, NyseArca),
        Fund("TIP", "iShares TIPS Bond ETF", GovernmentBond, NyseArca),
        Fund("VGSH", "Vanguard Short-Term Treasury ETF", GovernmentBond, Nasdaq),
        Fund("VGIT", "Vanguard Intermediate-Term Treasury ETF", GovernmentBond, Nasdaq),
        Fund("VGLT", "Vanguard Long-Term Treasury ETF", GovernmentBond, Nasdaq),

        Fund("LQD", "iShares iBoxx $ Investment Grade Corporate Bond ETF", CorporateCredit, NyseArca),
        Fund("HYG", "iShares iBoxx $ High Yield Corporate Bond ETF", CorporateCredit, NyseArca),
        Fund("JNK", "SPDR Bloomberg High Yield Bond ETF", CorporateCredit, NyseArca),
        Fund("SJNK", "SPDR Bloomberg Short Term High Yield Bond ETF", CorporateCredit, NyseArca),
        Fund("VCIT", "Vanguard Intermediate-Term Corporate Bond ETF", CorporateCredit, Nasdaq),
        Fund("VCSH", "Vanguard Short-Term Corporate Bond ETF", CorporateCredit, Nasdaq),
        Fund("IGSB", "iShares 1-5 Year Investment Grade Corporate Bond ETF", CorporateCredit, Nasdaq),
        Fund("ANGL", "VanEck Fallen Angel High Yield Bond ETF", CorporateCredit, Nasdaq),

        Bdc("ARCC", "Ares Capital Corporation", Nasdaq),
        Bdc("BXSL", "Blackstone Secured Lending Fund", Nyse),
        Bdc("OBDC", "Blue Owl Capital Corporation", Nyse),
        Bdc("FSK", "FS KKR Capital Corp.", Nyse),
        Bdc("MAIN", "Main Street Capital Corporation", Nyse),
        Bdc("HTGC", "Hercules Capital, Inc.", Nyse),
        Bdc("GBDC", "Golub Capital BDC, Inc.", Nasdaq),
        Bdc("PSEC", "Prospect Capital Corporation", Nasdaq),
        Bdc("TSLX", "Sixth Street Specialty Lending, Inc.", Nyse),
        Bdc("OCSL", "Oaktree Specialty Lending Corporation", Nasdaq),
    ];

    private static Entry Equity(string ticker, string name, string venue) =>
        new(ticker, name, LargeCapEquity, venue, Fractional: true);

    private static Entry Fund(string ticker, string name, string assetClass, string venue) =>
        new(ticker, name, assetClass, venue, Fractional: true);

    // Listed BDCs need live exchange fills, so they are the docs' non-fractional private-credit assets.
    private static Entry Bdc(string ticker, string name, string venue) =>
        new(ticker, name, PrivateCredit, venue, Fractional: false);
}
