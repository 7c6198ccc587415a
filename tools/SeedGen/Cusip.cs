namespace FloSandbox.SeedGen;

// CUSIP check digit (modulus 10, "double add double") over the first eight characters.
public static class Cusip
{
    public static char CheckDigit(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("A CUSIP check digit is computed over exactly 8 characters.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var value = CharValue(first8[i]);
            if (i % 2 == 1)
            {
                value *= 2;
            }

            sum += value / 10 + value % 10;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }

    public static bool IsValid(string cusip) =>
        cusip.Length == 9 && cusip[8] == CheckDigit(cusip.AsSpan(0, 8));

    private static int CharValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '*' => 36,
        '@' => 37,
        '#' => 38,
        _ => throw new ArgumentException($"'{c}' is not a CUSIP character."),
    };
}
