using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProtocolLab.Bindings.Generator.Abi;
using ProtocolLab.Bindings.Generator.Artifacts;
using ProtocolLab.Bindings.Generator.Emit;
using ProtocolLab.Bindings.Generator.Json;

namespace ProtocolLab.Bindings.Generator;

/// <summary>
/// Generates a typed binding class per contract from the Hardhat 3 artifacts passed as
/// AdditionalFiles (artifacts/contracts/**/*.json). The bindings are never edited by hand.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BindingsGenerator : IIncrementalGenerator
{
    public const string NamespaceProperty = "build_property.ProtocolLabBindingsNamespace";
    public const string DefaultNamespace = "ProtocolLab.Protocols.Bindings";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
            options.GlobalOptions.TryGetValue(NamespaceProperty, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : DefaultNamespace);

        var artifacts = context.AdditionalTextsProvider
            .Where(file => ArtifactReader.IsCandidate(file.Path))
            .Select((file, cancellationToken) => ArtifactReader.Read(file.Path, file.GetText(cancellationToken)?.ToString()))
            .Where(result => result is not null)
            .Collect();

        context.RegisterSourceOutput(artifacts.Combine(rootNamespace), static (spc, input) => Generate(spc, input.Left!, input.Right));
    }

    private static void Generate(SourceProductionContext context, ImmutableArray<ArtifactReadResult?> results, string rootNamespace)
    {
        foreach (var problem in results.Select(r => r!.Problem).Where(p => p is not null).OrderBy(p => p!.Path, StringComparer.Ordinal))
        {
            var position = new LinePosition(problem!.Line, problem.Column);
            var location = Location.Create(problem.Path, default, new LinePositionSpan(position, position));
            context.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.MalformedArtifact, location, problem.Path, problem.Message));
        }

        var artifacts = results.Select(r => r!.Artifact).Where(a => a is not null).Select(a => a!)
            .OrderBy(a => a.ContractName, StringComparer.Ordinal)
            .ThenBy(a => a.SourceName, StringComparer.Ordinal)
            .ThenBy(a => a.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var (artifact, className) in ClassNames.Assign(artifacts))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ContractAbiModel abi;
            try
            {
                abi = AbiParser.Parse(artifact.AbiJson);
            }
            catch (Exception e) when (e is AbiException or JsonException)
            {
                var location = Location.Create(artifact.Path, default, default);
                context.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.UnsupportedAbi, location, artifact.SourceName + ":" + artifact.ContractName, artifact.Path, e.Message));
                continue;
            }
            var source = ContractEmitter.Emit(rootNamespace, className, artifact, abi);
            context.AddSource(Identifiers.Unescape(className) + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
        }
    }
}
