// Part 2, the baseline: papaparse + ajv in node on the same files, end to end (node start, schema
// build from the rulebook, parsing and checking) and its own parse+validate timing.
import path from 'node:path';
import { NODE, ROOT, round, timedRepeat } from './lib.mjs';

const SCRIPT = path.join(ROOT, 'tests/bench/baseline/validate.mjs');

export function measureBaseline(input, repeat) {
  const r = timedRepeat([NODE, SCRIPT, ROOT, ...input.files], repeat);
  const own = JSON.parse(r.stdout.trim().split('\n').at(-1));
  return {
    records: own.records,
    findings: own.findings,
    e2e_s: round(r.wall_s, 4),
    e2e_runs_s: r.runs,
    records_per_s: Math.round(own.records / r.wall_s),
    peak_rss_bytes: r.peak_rss_bytes,
    parse_validate_s: round(own.parse_validate_s, 4),
    validate_s: round(own.validate_s, 4),
  };
}
