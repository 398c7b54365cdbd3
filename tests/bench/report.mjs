// Turns the parts' measurements into the headline figures, the target checks, a printed table and
// bench-results/latest.json. A figure whose part did not run is null with the reason beside it.
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS } from './lib.mjs';

const fmtNum = (x) => (x == null ? '-' : typeof x === 'number' ? x.toLocaleString('en-US', { maximumSignificantDigits: 4 }) : String(x));

// [key, label, unit, target description, check(value) -> bool]
const HEADLINES = [
  ['native_records_per_s', 'native validate, end to end', 'records/s'],
  ['baseline_records_per_s', 'baseline papaparse+ajv, end to end', 'records/s'],
  ['native_vs_baseline', 'native time / baseline time', 'ratio', '<= 0.2 (5x faster), at 1M', (v) => v <= 0.2],
  ['wasm_vs_native', 'wasm time / native time (100k, warm)', 'ratio', '<= 1.6', (v) => v <= 1.6],
  ['wasm_vs_native_cold', '  same, first pass in a fresh engine', 'ratio'],
  ['browser_import_100k_s', 'browser import+validate+save 100k', 's', '<= 3 s', (v) => v <= 3],
  ['browser_scroll_frame_p95_ms', 'browser frame work while scrolling, p95', 'ms', '< 16 ms', (v) => v < 16],
  ['browser_scroll_frame_own_p95_ms', '  same, without WebGL sync waits', 'ms'],
  ['browser_first_frame_s', 'browser time to first frame', 's'],
  ['download_gzip_bytes', 'wasm + JS download, gzip', 'bytes', '<= 1.5 MB', (v) => v <= 1.5e6],
  ['server_ingest_records_per_s', 'server ingest into SQLite', 'records/s', '>= 100k/s', (v) => v >= 1e5],
  ['server_ingest_postgres_records_per_s', 'server ingest into PostgreSQL (100k learners)', 'records/s'],
  ['server_p99_ms', 'server p99, 50 clients, small requests', 'ms', '< 50 ms', (v) => v < 50],
  ['server_peak_vs_package', 'server peak RSS / package size', 'ratio', '<= 3 (1M records)', (v) => v <= 3],
];

export function targets(summary) {
  return HEADLINES.filter((h) => h[3]).map(([key, label, , target, check]) => ({
    key, label, target, value: summary[key],
    met: summary[key] == null ? null : check(summary[key]),
  }));
}

export function printTable(summary, reasons, details) {
  const rows = [['figure', 'value', 'unit', 'target', 'met']];
  for (const [key, label, unit, target, check] of HEADLINES) {
    const v = summary[key];
    const met = v == null ? 'n/a' : check ? (check(v) ? 'yes' : 'NO') : '';
    const at = key === 'native_vs_baseline' || key.endsWith('records_per_s') && !key.startsWith('server')
      ? ` (${summary.learners.toLocaleString('en-US')} learners)`
      : key === 'server_peak_vs_package' && summary.server_records
        ? ` (${summary.server_records.toLocaleString('en-US')} records)` : '';
    rows.push([label + at, v == null ? `null (${reasons[key] ?? 'not measured'})` : fmtNum(v), unit, target ?? '', met]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log('\n' + line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  for (const d of details) console.log(d);
}

export function writeJson(result) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const text = JSON.stringify(result, null, 2) + '\n';
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), text);
  const stamp = result.started_at.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS, `${result.mode}-${stamp}.json`), text);
}
