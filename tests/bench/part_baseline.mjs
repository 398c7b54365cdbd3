// Part 2, the baseline: papaparse + ajv in node on the same files, end to end (node start, schema
// build from the rulebook, parsing and checking) and its own parse+validate timing.
import path from 'node:path';
import { NODE, ROOT, median, round } from './lib.mjs';

const SCRIPT = path.join(ROOT, 'tests/bench/baseline/validate.mjs');
export const baselineCommand = (input) => ({ argv: [NODE, SCRIPT, ROOT, ...input.files], okCodes: [0] });

export function summarizeBaseline(runs) {
  const own = JSON.parse(runs.at(-1).stdout.trim().split('\n').at(-1));
  const wall = median(runs.map((r) => r.wall_s));
  return {
    records: own.records,
    findings: own.findings,
    e2e_s: round(wall, 4),
    e2e_runs_s: runs.map((r) => round(r.wall_s, 4)),
    records_per_s: Math.round(own.records / wall),
    peak_rss_bytes: Math.max(...runs.map((r) => r.peak_rss_bytes)),
    parse_validate_s: round(own.parse_validate_s, 4),
    validate_s: round(own.validate_s, 4),
  };
}
