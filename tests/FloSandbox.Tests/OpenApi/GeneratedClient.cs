using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace FloSandbox.Tests.OpenApi;

/// A C# client generated from the served document by NSwag and compiled in memory with Roslyn, as a
/// partner would generate one; `extraSource` is compiled with it to drive it with typed code.
internal static class GeneratedClient
{
    public const string Namespace = "FloSandbox.GeneratedClient";

    public static async Task<string> GenerateAsync(string documentJson)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "FloClient",
            GenerateClientInterfaces = true,
            UseBaseUrl = true,
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    public static Assembly Compile(string code, params string[] extraSource)
    {
        var trees = new[] { code }.Concat(extraSource).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("FloGeneratedClient_" + Guid.NewGuid().ToString("N"), trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, "The generated client does not compile:\n" + string.Join("\n", errors.Take(20)));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
