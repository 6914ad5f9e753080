// Hardhat 3 compiles offline with the solcjs builds from npm (no compiler download).
import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

// Morpho Blue 1.0.0 pins `pragma solidity 0.8.19` and ships sources only: compiled here with the
// settings of its own foundry build profile (via-IR, 999999 runs, paris, no metadata hash).
const morphoCompiler = {
  version: "0.8.19",
  path: require.resolve("solc-0.8.19/soljson.js"),
  settings: {
    viaIR: true,
    optimizer: { enabled: true, runs: 999999 },
    evmVersion: "paris",
    metadata: { bytecodeHash: "none" },
  },
};

// Morpho.sol is the contract; EventsLib only for its ABI: solc 0.8.19 leaves library events out of
// the emitting contract's ABI (0.8.20 added them), so Liquidate's ABI comes from EventsLib.
const morphoSources = [
  "@morpho-org/morpho-blue/src/Morpho.sol",
  "@morpho-org/morpho-blue/src/libraries/EventsLib.sol",
];

export default defineConfig({
  solidity: {
    compilers: [
      {
        version: "0.8.28",
        path: require.resolve("solc/soljson.js"),
        settings: {
          optimizer: { enabled: true, runs: 200 },
          evmVersion: "cancun",
        },
      },
    ],
    overrides: Object.fromEntries(morphoSources.map((source) => [source, morphoCompiler])),
    npmFilesToBuild: morphoSources,
  },
  paths: {
    sources: "./contracts",
  },
  test: {
    // Hardhat 3 Solidity-test profiles (`--test-profile <name>`, default "default").
    // default: what CI runs (fixed seed, 256 fuzz runs, 64 invariant runs x depth 128, ~1-2 min).
    // deep: the larger local profile: `npx hardhat test solidity --test-profile deep`.
    solidity: {
      profiles: {
        default: {
          fuzz: { runs: 256, seed: "0x50726f746f636f6c4c6162" },
          invariant: { runs: 64, depth: 128, failOnRevert: false },
        },
        deep: {
          fuzz: { runs: 10000, seed: "0x50726f746f636f6c4c6162" },
          invariant: { runs: 512, depth: 256, failOnRevert: false },
        },
      },
    },
  },
});
