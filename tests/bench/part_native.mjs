// Part 1, the core natively: `hemis validate DIR` end to end (wall time, peak RSS) and the
// bench_validate harness (parsing and validation timed apart, without process start or output).
import path from 'node:path';
import { HEMIS, ROOT, median, round, run } from './lib.mjs';

export const HARNESS = path.join(ROOT, 'build/native/tests/bench_validate');
// Exit code 1 means "errors found", which the generated faults guarantee.
export const nativeCommand = (input) => ({ argv: [HEMIS, 'validate', input.dir], okCodes: [0, 1] });

export function harness(argv, input, repeat) {
  const out = run([...argv, '--repeat', String(repeat), ...input.files]).stdout;
  return JSON.parse(out.trim().split('\n').at(-1));
}

// `runs` are timed end-to-end runs of nativeCommand (see compare.mjs).
export function summarizeNative(runs, input, repeat) {
  const h = harness([HARNESS], input, repeat);
  const wall = median(runs.map((r) => r.wall_s));
  return {
    records: h.records,
    findings: h.errors + h.warnings,
    e2e_s: round(wall, 4),
    e2e_runs_s: runs.map((r) => round(r.wall_s, 4)),
    records_per_s: Math.round(h.records / wall),
    peak_rss_bytes: Math.max(...runs.map((r) => r.peak_rss_bytes)),
    rss_per_input_byte: round(Math.max(...runs.map((r) => r.peak_rss_bytes)) / input.bytes),
    parse_s: round(h.parse_s, 4),
    validate_s: round(h.validate_s, 4),
    validate_records_per_s: Math.round(h.records / h.validate_s),
  };
}
