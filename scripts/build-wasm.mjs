#!/usr/bin/env node
// Trunk pre_build hook (Trunk.toml [[hooks]]): builds the app's one
// WebAssembly program and splits it, screen by screen, into files loaded on
// demand. Trunk cannot do this itself (it runs wasm-bindgen without
// --keep-lld-exports and wasm-opt on one file only), so index.html has no
// `rel="rust"` link and this does what Trunk did, with the split in between:
//
//   1. cargo build --target wasm32-unknown-unknown --bin bangfu (release:
//      --release). .cargo/config.toml links with --emit-relocs, which the
//      splitter reads to see which code each split point reaches.
//   2. wasm-split-cli (crate wasm_split_cli_support, pinned in scripts/env.sh):
//      bangfu.wasm, the main module (runtime, shell, home screen), one
//      split_<screen>.wasm per split point of src/ui/screens.rs, chunk_<n>.wasm
//      for code that several screens share and the main module does not,
//      and __wasm_split.js, which fetches and instantiates them against the
//      main module's memory and function table.
//   3. wasm-bindgen --target web --keep-lld-exports (the chunks need the
//      exports the linker made) on the split main module.
//   4. wasm-opt on every .wasm (release only), with the flags that keep the
//      app WebAssembly 1.0 + mutable globals (README, "Which phones").
//
// Output: target/split/<profile>/ holding the files, and files.json: for
// each split, the files it needs (chunks first), which postbuild.mjs writes
// into index.html so a link's own screen downloads with the main module.
// postbuild.mjs copies the directory next to index.html, named by a hash
// of its content (app-<16 hex>/).
import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
const profile = release ? 'release' : 'debug';
const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const out = path.join(target, 'split', profile);
const raw = path.join(target, 'split', `${profile}-raw`);
// BANGFU_WASM_NAMES=1 keeps function names in a release build, so a
// browser's CPU profile names the Rust functions (for profiling only: the
// files are larger).
const names = !!process.env.BANGFU_WASM_NAMES;
const input = path.join(target, 'wasm32-unknown-unknown', profile, 'bangfu.wasm');

// The flags Trunk was given before (data-wasm-opt="z" and -params): -Oz, and
// lowering of what Rust's prebuilt standard library brings (bulk memory,
// sign extension, saturating float-to-int) down to WebAssembly 1.0.
export const WASM_OPT_FLAGS = [
  '-Oz',
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-sign-ext', '--enable-nontrapping-float-to-int',
  '--signext-lowering', '--llvm-memory-copy-fill-lowering', '--llvm-nontrapping-fptoint-lowering',
];

const run = (cmd, args) => {
  const start = Date.now();
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return Date.now() - start;
};

/** wasm-opt on every file, one process per core. Its warnings about the
 * name section's subsection 3 (the splitter writes one wasm-opt does not
 * know) are dropped; any other output is shown, and a failure stops the build. */
async function optimise(files) {
  const queue = [...files];
  const worker = async () => {
    for (let f; (f = queue.shift()); ) {
      const output = await new Promise((resolve, reject) =>
        execFile('wasm-opt', [...WASM_OPT_FLAGS, ...(names ? ['-g'] : []), f, '-o', `${f}.opt`], { cwd: root }, (err, stdout, stderr) => {
          const text = (stdout + stderr).split('\n').filter((l) => l && !/^warning: unknown name subsection with id 3 at \d+$/.test(l));
          if (err) reject(new Error(`wasm-opt ${path.basename(f)}: ${err.message}\n${text.join('\n')}`));
          else resolve(text);
        }),
      );
      if (output.length) console.log(output.join('\n'));
      renameSync(`${f}.opt`, f);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}

async function build() {
  const cargo = ['build', '--target', 'wasm32-unknown-unknown', '--bin', 'bangfu', '--locked'];
  if (release) cargo.push('--release');
  if (process.env.TRUNK_OFFLINE === 'true' || process.argv.includes('--offline')) cargo.push('--offline');
  const took = { cargo: run('cargo', cargo) };

  rmSync(raw, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  mkdirSync(out, { recursive: true });
  took.split = run('wasm-split-cli', [input, raw, '--out-name', 'bangfu']);

  took.bindgen = run('wasm-bindgen', [
    path.join(raw, 'bangfu.wasm'), '--out-dir', out, '--target', 'web',
    '--keep-lld-exports', '--no-typescript', ...(release && !names ? [] : ['--debug', '--keep-debug']),
  ]);
  const files = readdirSync(raw).filter((n) => n !== 'bangfu.wasm');
  for (const n of files) copyFileSync(path.join(raw, n), path.join(out, n));

  const wasm = readdirSync(out).filter((n) => n.endsWith('.wasm'));
  if (release) {
    const start = Date.now();
    await optimise(wasm.map((n) => path.join(out, n)));
    took.wasmOpt = Date.now() - start;
  }
  writeFileSync(path.join(out, 'files.json'), JSON.stringify(viewFiles(splitFiles(readFileSync(path.join(out, '__wasm_split.js'), 'utf8'))), null, 1) + '\n');
  const ms = Object.entries(took).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ');
  console.log(`build-wasm: ${profile}, ${wasm.length} WebAssembly files in ${path.relative(root, out)} (${ms})`);
}

/** Which split (the first name in `wasm_split(…)` in src/ui/screens.rs)
 * holds the screen each `v=` opens, where it is not the view's own name. */
export const SPLIT_OF_VIEW = { households: 'cadre', village: 'cadre', local: 'cadre', risk: 'cadre', qr: 'policy' };
const VIEWS = ['loan', 'check', 'households', 'village', 'policy', 'local', 'risk', 'qr'];

/** For each view (`v=`) with a split of its own code, the files its screen
 * needs: the files of its split. */
export function viewFiles(splits) {
  const out = {};
  for (const v of VIEWS) {
    const files = splits[v] || splits[SPLIT_OF_VIEW[v]];
    if (files) out[v] = files;
  }
  return out;
}

/** For each split point's module name, the files its loader fetches:
 * read from the splitter's __wasm_split.js, where each chunk's loader is
 * preceded by a comment naming the splits that use it, and each split's own
 * file is split_<name>.wasm (absent when it came out empty). */
export function splitFiles(js) {
  const map = {};
  for (const [, users, file] of js.matchAll(/\/\* ([a-z0-9_, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)) {
    for (const s of users.split(', ')) (map[s] ||= []).push(file);
  }
  for (const [, name] of js.matchAll(/export const __wasm_split_load_([a-z0-9_]+) = /g)) {
    map[name] ||= [];
    if (js.includes(`"./split_${name}.wasm"`)) map[name].push(`split_${name}.wasm`);
  }
  if (!Object.keys(map).length) throw new Error('build-wasm: no split point found in __wasm_split.js');
  return map;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
