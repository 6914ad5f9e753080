// Hardhat 3 compiles offline with the solcjs build from npm (no compiler download).
import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  solidity: {
    version: "0.8.28",
    path: require.resolve("solc/soljson.js"),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun",
    },
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
