// Compiles devchain/contracts with the pinned solc (package.json) into devchain/artifacts.
//   node compile.mjs          write artifacts/<Contract>.json
//   node compile.mjs --check  exit 1 if the checked-in artifacts differ from a fresh compile
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join, relative, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');

const root = dirname(fileURLToPath(import.meta.url));
const contractsDir = join(root, 'contracts');
const artifactsDir = join(root, 'artifacts');
const pinnedSolc = require('./package.json').dependencies.solc;
const check = process.argv.includes('--check');

// Fixed settings so a compile is byte-for-byte reproducible on any machine.
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

function listSources(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listSources(path);
      return entry.name.endsWith('.sol') ? [path] : [];
    })
    .sort();
}

function compile() {
  if (!solc.version().startsWith(`${pinnedSolc}+`)) {
    throw new Error(`solc ${solc.version()} is installed but package.json pins ${pinnedSolc}; run npm ci`);
  }
  const sources = {};
  for (const path of listSources(contractsDir)) {
    const unitName = relative(contractsDir, path).split(sep).join('/');
    sources[unitName] = { content: readFileSync(path, 'utf8') };
  }
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));
  const problems = (output.errors ?? []).filter((e) => e.severity === 'error' || e.type === 'Warning');
  if (problems.length > 0) {
    throw new Error(problems.map((e) => e.formattedMessage).join('\n'));
  }
  const artifacts = new Map();
  for (const [sourceName, contracts] of Object.entries(output.contracts)) {
    for (const [contractName, compiled] of Object.entries(contracts)) {
      const bytecode = compiled.evm.bytecode.object;
      if (bytecode.length === 0) continue; // abstract contracts and interfaces
      if (artifacts.has(contractName)) throw new Error(`duplicate contract name ${contractName}`);
      const artifact = {
        contractName,
        sourceName,
        compiler: `solc ${solc.version()}`,
        abi: compiled.abi,
        bytecode: `0x${bytecode}`,
        deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
      };
      artifacts.set(`${contractName}.json`, `${JSON.stringify(artifact, null, 2)}\n`);
    }
  }
  return artifacts;
}

function existingArtifacts() {
  if (!existsSync(artifactsDir)) return [];
  return readdirSync(artifactsDir).filter((name) => name.endsWith('.json')).sort();
}

const artifacts = compile();
if (check) {
  const stale = [];
  for (const [file, text] of artifacts) {
    const path = join(artifactsDir, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
  }
  for (const file of existingArtifacts()) {
    if (!artifacts.has(file)) stale.push(`${file} (no longer produced by the sources)`);
  }
  if (stale.length > 0) {
    console.error(`artifacts differ from a fresh compile: ${stale.join(', ')}. Run: npm run compile`);
    process.exit(1);
  }
  console.log(`artifacts match the sources (${artifacts.size} contracts, solc ${solc.version()})`);
} else {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of existingArtifacts()) {
    if (!artifacts.has(file)) rmSync(join(artifactsDir, file));
  }
  for (const [file, text] of artifacts) writeFileSync(join(artifactsDir, file), text);
  console.log(`wrote ${artifacts.size} artifacts to ${relative(process.cwd(), artifactsDir) || '.'}`);
}
