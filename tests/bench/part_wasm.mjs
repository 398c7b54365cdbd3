// Part 3, the core as wasm: the same bench_validate source built by Emscripten (build/web), run
// under node on the same files right after the native harness, and divided by it. Each process
// parses and validates twice: the second ("warm") pass measures the compiled code, the first
// ("cold") also V8's tier-up from its baseline compiler, which a browser pays once per page load.
import fs from 'node:fs';
import path from 'node:path';
import { NODE, ROOT, median, round } from './lib.mjs';
import { HARNESS, harness } from './part_native.mjs';

const WASM_HARNESS = path.join(ROOT, 'build/web/tests/bench_validate.js');

export function measureWasm(input, repeat) {
  if (!fs.existsSync(WASM_HARNESS)) return { unavailable: `${WASM_HARNESS} not built` };
  // Alternated run by run so both see the same machine load; ratios are medians of the pairs.
  const native = [], wasm = [];
  for (let i = 0; i < repeat; i++) {
    native.push(harness([HARNESS], input, 2));
    wasm.push(harness([NODE, '--no-experimental-fetch', WASM_HARNESS], input, 2));
  }
  const total = (h) => h.warm_parse_s + h.warm_validate_s;
  const cold = (h) => h.first_parse_s + h.first_validate_s;
  const mid = (runs, f) => round(median(runs.map(f)), 4);
  return {
    records: wasm[0].records,
    same_verdict_counts: wasm[0].errors === native[0].errors && wasm[0].warnings === native[0].warnings,
    wasm_parse_s: mid(wasm, (h) => h.warm_parse_s),
    wasm_validate_s: mid(wasm, (h) => h.warm_validate_s),
    native_parse_s: mid(native, (h) => h.warm_parse_s),
    native_validate_s: mid(native, (h) => h.warm_validate_s),
    wasm_vs_native: round(median(wasm.map((w, i) => total(w) / total(native[i])))),
    wasm_vs_native_validate_only: round(median(wasm.map((w, i) => w.warm_validate_s / native[i].warm_validate_s))),
    wasm_vs_native_cold: round(median(wasm.map((w, i) => cold(w) / cold(native[i])))),
  };
}
