namespace ProtocolLab.Cli.Commands;

/// <summary>0: done (or all budgets hold); 1: a budget was exceeded; 2: an error (bad input, devnet failure).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BudgetExceeded = 1;
    public const int Error = 2;
}
