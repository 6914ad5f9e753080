using System.Runtime.CompilerServices;

// The budget logic is internal to the command; its tests live in their own project.
[assembly: InternalsVisibleTo("ProtocolLab.Cli.Tests")]
