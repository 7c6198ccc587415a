using Bogus;

namespace FloSandbox.SeedGen;

// Realistic synthetic names per asset class, never repeating a name already taken.
internal sealed class NameFactory(Faker faker, HashSet<string> takenNames)
{
    private readonly string[] _sponsors = Enumerable.Range(0, 120)
        .Select(_ => $"{faker.Name.LastName()} {faker.Random.ArrayElement(NameParts.SponsorStyles)}")
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    public string Next(string assetClass)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var name = Candidate(assetClass);
            if (takenNames.Add(name))
            {
                return name;
            }
        }

        throw new InvalidOperationException($"Ran out of distinct names for {assetClass}.");
    }

    private string Candidate(string assetClass) => assetClass switch
    {
        SeedAssetClass.LargeCapEquity => Company(),
        SeedAssetClass.BlueChipEtf => Fund(NameParts.EquityFunds),
        SeedAssetClass.GovernmentBond => Fund(NameParts.GovernmentFunds),
        SeedAssetClass.CorporateCredit => Fund(NameParts.CorporateFunds),
        SeedAssetClass.PrivateCredit => $"{faker.Name.LastName()} {Pick(NameParts.PrivateCreditVehicles)}",
        _ => throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, null),
    };

    private string Company()
    {
        var roll = faker.Random.Double();
        var suffix = Pick(NameParts.CorporateSuffixes);
        if (roll < 0.15)
        {
            return $"{faker.Name.LastName()} & {faker.Name.LastName()} {suffix}";
        }

        var industry = Pick(NameParts.Industries);
        if (industry == "Holdings" && suffix.StartsWith("Holdings", StringComparison.Ordinal))
        {
            suffix = "Inc.";
        }

        var owner = roll < 0.30 ? Brand() : faker.Name.LastName();
        return $"{owner} {industry} {suffix}";
    }

    private string Brand()
    {
        var stem = Pick(NameParts.BrandStems);
        var endsInVowel = "aeiou".Contains(stem[^1]);
        return stem + Pick(endsInVowel ? NameParts.BrandEndingsAfterVowel : NameParts.BrandEndingsAfterConsonant);
    }

    private string Fund(string[] products) => $"{Pick(_sponsors)} {Pick(products)}";

    private string Pick(string[] items) => faker.Random.ArrayElement(items);
}
