namespace FloSandbox.Flo.Platform.Errors;

/// One occurrence of a catalog error: the definition plus the detail and extension values of this request.
public sealed record FloError(FloErrorDefinition Definition, string Detail, IReadOnlyList<KeyValuePair<string, object?>> Extensions)
{
    public string Code => Definition.Code;
    public int Status => Definition.Status;

    /// The code's retryable flag, unless this occurrence knows better (a limit the request can never fit).
    public bool Retryable { get; init; } = Definition.Retryable;

    public static FloError Of(FloErrorDefinition definition, string? detail = null, params (string Name, object? Value)[] extensions) =>
        new(definition, detail ?? definition.DefaultDetail, [.. extensions.Select(e => KeyValuePair.Create(e.Name, e.Value))]);

    public static FloError Invalid(string param, string detail) =>
        Of(FloErrorCatalog.InvalidRequest, detail, ("param", param));

    public FloException ToException() => new(this);
}

/// Thrown by features; the problem middleware turns it into Problem-JSON.
public sealed class FloException(FloError error) : Exception(error.Detail)
{
    public FloError Error { get; } = error;

    public static FloException Invalid(string param, string detail) => new(FloError.Invalid(param, detail));
}
