namespace FloSandbox.Flo.Platform.Errors;

/// One entry of the error catalog: everything about a code that does not depend on the request.
public sealed record FloErrorDefinition(
    string Code,
    int Status,
    bool Retryable,
    string Title,
    string DefaultDetail,
    IReadOnlyList<string> ExtensionFields,
    bool Documented = true)
{
    public string TypeUri => $"https://docs.flo.finance/errors/{Code}";
}
