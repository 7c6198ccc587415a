namespace FloSandbox.SeedGen;

// Vocabulary for synthetic instrument names.
internal static class NameParts
{
    public static readonly string[] Industries =
    [
        "Dynamics", "Technologies", "Holdings", "Industries", "Systems", "Therapeutics", "Pharmaceuticals",
        "Energy", "Resources", "Financial", "Bancorp", "Logistics", "Networks", "Semiconductor", "Software",
        "Biosciences", "Materials", "Brands", "Foods", "Apparel", "Robotics", "Aerospace", "Motors", "Retail",
        "Realty", "Insurance", "Media", "Communications", "Health", "Medical", "Laboratories", "Analytics",
        "Payments", "Chemicals", "Mining", "Utilities", "Water", "Solar", "Infrastructure", "Hospitality",
        "Entertainment", "Airlines", "Railroad", "Shipping", "Steel", "Packaging", "Instruments", "Devices",
        "Genomics", "Minerals", "Petroleum", "Power", "Data", "Cloud", "Security", "Semiconductors",
        "Electric", "Pipeline", "Homes", "Restaurants", "Beverages", "Diagnostics", "Capital", "Automotive",
    ];

    public static readonly string[] CorporateSuffixes =
    [
        "Inc.", "Inc.", "Inc.", "Corp.", "Corporation", "Holdings Inc.", "Group Inc.", "Co.", "plc", "Ltd.",
        "N.V.", "Incorporated",
    ];

    public static readonly string[] BrandStems =
    [
        "Astra", "Nova", "Vertex", "Lumen", "Orion", "Apex", "Cobalt", "Zenith", "Helio", "Quanta", "Terra",
        "Aero", "Sierra", "Atlas", "Polar", "Crest", "Vanta", "Aurora", "Nimbus", "Strato", "Kinet", "Omni",
        "Pulse", "Vita", "Meridian", "Sol", "Argo", "Cinder", "Halcyon", "Ion", "Kestrel", "Luma", "Praxi",
    ];

    // Endings are split by the stem's last letter so brands never double a vowel ("Auroraara").
    public static readonly string[] BrandEndingsAfterVowel = ["n", "x", "tek", "gen", "lis", "ris", "nix", "via", "line"];

    public static readonly string[] BrandEndingsAfterConsonant = ["ix", "ara", "on", "ent", "ica", "yx", "ora", "is", "tek", "gen", "ium"];

    public static readonly string[] SponsorStyles =
        ["Capital", "Funds", "Shares", "Asset Management", "Investments", "Advisors", "Global", "Index Partners"];

    public static readonly string[] EquityFunds =
    [
        "S&P 500 ETF", "US Total Market ETF", "US Large-Cap Core ETF", "Nasdaq-100 ETF", "Dow Jones Industrial ETF",
        "Russell 1000 Growth ETF", "Russell 1000 Value ETF", "Dividend Growth ETF", "High Dividend Yield ETF",
        "Quality Factor ETF", "Momentum Factor ETF", "Minimum Volatility ETF", "Equal Weight S&P 500 ETF",
        "Mid-Cap 400 ETF", "Developed Markets ETF", "Emerging Markets ETF", "MSCI EAFE ETF", "Technology Sector ETF",
        "Financials Sector ETF", "Health Care Sector ETF", "Energy Sector ETF", "Industrials Sector ETF",
        "Consumer Staples Sector ETF", "Consumer Discretionary Sector ETF", "Utilities Sector ETF",
        "Materials Sector ETF", "Real Estate Sector ETF", "Communication Services Sector ETF", "Semiconductor ETF",
        "Clean Energy ETF", "Global Infrastructure ETF", "ESG Aware US Equity ETF", "Large-Cap Growth ETF",
        "Large-Cap Value ETF", "Total World Stock ETF", "S&P 500 Covered Call ETF", "S&P 500 Buffer ETF",
        "Multifactor US Equity ETF", "Wide Moat ETF", "Shareholder Yield ETF",
    ];

    public static readonly string[] GovernmentFunds =
    [
        "0-3 Month T-Bill ETF", "1-3 Month T-Bill ETF", "Short Treasury ETF", "Ultra-Short Treasury ETF",
        "Treasury 1-3Y ETF", "Treasury 3-7Y ETF", "Treasury 7-10Y ETF", "Treasury 10-20Y ETF", "Treasury 20+Y ETF",
        "Treasury STRIPS 25+Y ETF", "TIPS ETF", "TIPS 0-5Y ETF", "Treasury Floating Rate ETF",
        "Intermediate Government Bond ETF", "Long Government Bond ETF", "Treasury Laddered ETF", "GNMA ETF",
        "US Treasury 2026 Term ETF", "US Treasury 2027 Term ETF", "US Treasury 2028 Term ETF",
        "US Treasury 2029 Term ETF", "US Treasury 2030 Term ETF", "US Treasury 2031 Term ETF",
        "US Treasury 2032 Term ETF", "US Treasury 2033 Term ETF", "US Treasury 2034 Term ETF",
        "US Treasury 2035 Term ETF",
    ];

    public static readonly string[] CorporateFunds =
    [
        "Investment Grade Corporate Bond ETF", "IG Corporate 1-5Y ETF", "IG Corporate 5-10Y ETF",
        "IG Corporate 10+Y ETF", "BBB Corporate Bond ETF", "High Yield Corporate Bond ETF",
        "Short Duration High Yield ETF", "Fallen Angels High Yield ETF", "BB-B High Yield ETF",
        "Floating Rate Note ETF", "Senior Loan ETF", "Convertible Bond ETF", "ESG Corporate Bond ETF",
        "Emerging Markets Corporate Bond ETF", "Intermediate Credit ETF", "Total Corporate Bond ETF", "CLO AAA ETF",
        "Investment Grade Floating Rate ETF", "Corporate Bond 2026 Maturity ETF", "Corporate Bond 2027 Maturity ETF",
        "Corporate Bond 2028 Maturity ETF", "Corporate Bond 2029 Maturity ETF", "Corporate Bond 2030 Maturity ETF",
        "Corporate Bond 2031 Maturity ETF", "Corporate Bond 2032 Maturity ETF",
    ];

    public static readonly string[] PrivateCreditVehicles =
    [
        "Capital Corporation", "Senior Loan Fund", "Direct Lending Fund", "Private Credit Income Fund",
        "Middle Market Lending Fund", "Specialty Lending Corporation", "Asset-Based Income Fund",
        "Credit Opportunities Fund", "Infrastructure Debt Fund", "Venture Lending Fund", "Secured Lending Fund",
        "Private Lending Fund",
    ];

    // Words that lend no letters to a ticker: "Harlow Holdings Inc." draws on HARLOW and HOLDINGS only.
    public static readonly HashSet<string> TickerStopWords = new(StringComparer.Ordinal)
    {
        "THE", "AND", "INC", "CORP", "CORPORATION", "CO", "PLC", "LTD", "NV", "INCORPORATED", "GROUP", "ETF", "FUND",
    };
}
