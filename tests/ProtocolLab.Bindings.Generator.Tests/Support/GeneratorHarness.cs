using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProtocolLab.Bindings.Generator.Tests.Support;

/// <summary>
/// Runs <see cref="BindingsGenerator"/> the way the compiler does and compiles its output against
/// TestStubs (this assembly), so a test can read the generated text, check it builds and run it.
/// </summary>
internal sealed class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private GeneratorHarness(GeneratorDriver driver, CSharpCompilation input)
    {
        Driver = driver;
        Result = driver.GetRunResult();
        Output = (CSharpCompilation)input.AddSyntaxTrees(Result.GeneratedTrees);
    }

    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>The input compilation plus the generated files.</summary>
    public CSharpCompilation Output { get; }

    /// <summary>Generated text by hint name ("Lens.g.cs").</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public static GeneratorHarness Run(IEnumerable<(string Path, string Json)> files, string? rootNamespace = null)
    {
        var properties = rootNamespace is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add(BindingsGenerator.NamespaceProperty, rootNamespace);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new BindingsGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Json)),
            ParseOptions,
            new OptionsProvider(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var compilation = CreateCompilation();
        return new GeneratorHarness(driver.RunGenerators(compilation), compilation);
    }

    /// <summary>Runs the same driver again, as the compiler does on the next keystroke or build.</summary>
    public GeneratorHarness RunAgain() => new(Driver.RunGenerators(CreateCompilation()), CreateCompilation());

    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text) ? text : throw new KeyNotFoundException($"{hintName} not generated; got {string.Join(", ", Sources.Keys)}");

    /// <summary>Errors and warnings of the generated code compiled against the runtime stubs.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Compiles and loads the generated code; it binds to the stub runtime types in this assembly.</summary>
    public Assembly Load()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(image.ToArray()));
    }

    private static CSharpCompilation CreateCompilation()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform
            .Append(typeof(ProtocolLab.Chain.Contracts.Contract).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "ProtocolLab.Bindings.Generated",
            [],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(ImmutableDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
