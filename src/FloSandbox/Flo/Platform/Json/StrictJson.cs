using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pipeline;

namespace FloSandbox.Flo.Platform.Json;

/// The one check every JSON request body passes before anything reads it: valid UTF-8, well-formed
/// JSON within the nesting limit, and no object that names a field twice. Readers disagree on
/// duplicates (the first wins here, the last there), so a body that could mean two things is refused.
public static class StrictJson
{
    public static void Validate(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            throw FloException.Invalid("body", "The request body is not valid UTF-8 text.");
        }
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = FloJson.Options.MaxDepth });
        var scopes = new Stack<Scope>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Step(scopes);
                        scopes.Push(new Scope(reader.TokenType == JsonTokenType.StartObject, PathOf(scopes)));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var scope = scopes.Peek();
                        scope.Current = Text(ref reader, scope.Join("(a field name)"));
                        if (!scope.Names!.Add(scope.Current))
                        {
                            var path = scope.Join(scope.Current);
                            throw FloException.Invalid(path, $"Field '{path}' appears more than once in the JSON body; send it once.");
                        }
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        Step(scopes);
                        Text(ref reader, PathOf(scopes));
                        break;
                    default:
                        Step(scopes);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw JsonErrorDescriber.Describe(ex).ToException();
        }
    }

    /// An escaped string may still spell a lone UTF-16 surrogate, which no text can hold.
    private static string Text(ref Utf8JsonReader reader, string path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var param = path.Length == 0 ? "body" : path;
            throw FloException.Invalid(param, $"'{param}' holds an escape sequence that is not valid Unicode (a lone surrogate such as \\uD800).");
        }
    }

    /// A value inside an array moves the array's index.
    private static void Step(Stack<Scope> scopes)
    {
        if (scopes.TryPeek(out var parent) && !parent.IsObject)
        {
            parent.Index++;
        }
    }

    private static string PathOf(Stack<Scope> scopes) =>
        scopes.TryPeek(out var parent) ? parent.IsObject ? parent.Join(parent.Current!) : $"{parent.Path}[{parent.Index - 1}]" : "";

    private sealed class Scope(bool isObject, string path)
    {
        public bool IsObject { get; } = isObject;
        public string Path { get; } = path;
        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;
        public string? Current { get; set; }
        public int Index { get; set; }

        public string Join(string name) => Path.Length == 0 ? name : new StringBuilder(Path).Append('.').Append(name).ToString();
    }
}
