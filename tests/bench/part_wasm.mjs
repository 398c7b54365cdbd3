// Part 3, the core as wasm: the same bench_validate source built by Emscripten (build/web), run
// under node on the same files right after the native harness, and divided by it.
import fs from 'node:fs';
import path from 'node:path';
import { NODE, ROOT, round } from './lib.mjs';
import { HARNESS, harness } from './part_native.mjs';

const WASM_HARNESS = path.join(ROOT, 'build/web/tests/bench_validate.js');

export function measureWasm(input, repeat) {
  if (!fs.existsSync(WASM_HARNESS)) return { unavailable: `${WASM_HARNESS} not built` };
  // Measured back to back so both see the same machine load.
  const native = harness([HARNESS], input, repeat);
  const wasm = harness([NODE, '--no-experimental-fetch', WASM_HARNESS], input, repeat);
  const total = (h) => h.parse_s + h.validate_s;
  return {
    records: wasm.records,
    same_verdict_counts: wasm.errors === native.errors && wasm.warnings === native.warnings,
    wasm_parse_s: round(wasm.parse_s, 4),
    wasm_validate_s: round(wasm.validate_s, 4),
    native_parse_s: round(native.parse_s, 4),
    native_validate_s: round(native.validate_s, 4),
    wasm_vs_native: round(total(wasm) / total(native)),
    wasm_vs_native_validate_only: round(wasm.validate_s / native.validate_s),
  };
}
