#!/usr/bin/env bash
# Every test ProtocolLab has: the Solidity tests (Hardhat 3), the gas snapshot check, then all C# tests.
# `dotnet build` installs the npm packages and compiles the contracts when they changed.
set -euo pipefail
cd "$(dirname "$0")/.."

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

echo "== build (npm packages, contracts, .NET) =="
dotnet build ProtocolLab.sln --nologo -v quiet -clp:NoSummary

echo "== Solidity tests =="
npx --no-install hardhat test solidity 2>&1 | tee "$log_dir/sol.txt"

# Every gas file at once: --snapshot on a subset rewrites .gas-snapshot with that subset only.
# Regenerate after an intended change: npx hardhat test solidity contracts/test/gas/*.t.sol --snapshot
echo "== gas snapshot (fails on a change of more than 5%) =="
npx --no-install hardhat test solidity contracts/test/gas/*.t.sol --snapshot-check --tolerance 5

echo "== C# tests (one test project at a time: each starts its own anvils in parallel already) =="
status=0
dotnet test ProtocolLab.sln --no-build --nologo -m:1 2>&1 | tee "$log_dir/cs.txt" || status=$?

# One closing line over both runners: "N passed, N failed".
sum() { { grep -Eo "$1" "$2" || true; } | { grep -Eo '[0-9]+' || true; } | awk '{s+=$1} END {print s+0}'; }
sol_pass=$(sum '^ *[0-9]+ passing' "$log_dir/sol.txt")
sol_fail=$(sum '^ *[0-9]+ failing' "$log_dir/sol.txt")
cs_pass=$(sum 'Passed: +[0-9]+' "$log_dir/cs.txt")
cs_fail=$(sum 'Failed: +[0-9]+' "$log_dir/cs.txt")
passed=$(( ${sol_pass:-0} + ${cs_pass:-0} ))
failed=$(( ${sol_fail:-0} + ${cs_fail:-0} ))
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
