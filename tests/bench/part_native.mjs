// Part 1, the core natively: `hemis validate DIR` end to end (wall time, peak RSS) and the
// bench_validate harness (parsing and validation timed apart, without process start or output).
import path from 'node:path';
import { HEMIS, ROOT, round, timedRepeat, run } from './lib.mjs';

export const HARNESS = path.join(ROOT, 'build/native/tests/bench_validate');

export function harness(argv, input, repeat) {
  const out = run([...argv, '--repeat', String(repeat), ...input.files]).stdout;
  return JSON.parse(out.trim().split('\n').at(-1));
}

export function measureNative(input, repeat) {
  // Exit code 1 means "errors found", which the generated faults guarantee.
  const e2e = timedRepeat([HEMIS, 'validate', input.dir], repeat, { okCodes: [0, 1] });
  const h = harness([HARNESS], input, repeat);
  return {
    records: h.records,
    findings: h.errors + h.warnings,
    e2e_s: round(e2e.wall_s, 4),
    e2e_runs_s: e2e.runs,
    records_per_s: Math.round(h.records / e2e.wall_s),
    peak_rss_bytes: e2e.peak_rss_bytes,
    rss_per_input_byte: round(e2e.peak_rss_bytes / input.bytes),
    parse_s: round(h.parse_s, 4),
    validate_s: round(h.validate_s, 4),
    validate_records_per_s: Math.round(h.records / h.validate_s),
  };
}
