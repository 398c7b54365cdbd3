// scripts/bench's driver: generates the inputs, runs each part in one process so every figure has
// its comparison measured beside it, prints the table and writes bench-results/latest.json.
// Usage: node run.mjs [--quick]
import os from 'node:os';
import { execSync } from 'node:child_process';
import { generate, round, ROOT, SEED, FAULTS } from './lib.mjs';
import { measureNativeAndBaseline } from './compare.mjs';
import { measureWasm } from './part_wasm.mjs';
import { measureBrowser } from './part_browser.mjs';
import { measureServer } from './part_server.mjs';
import { printTable, targets, writeJson } from './report.mjs';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [100_000] : [10_000, 100_000, 1_000_000];
const repeatFor = (n) => (quick ? 3 : n >= 1_000_000 ? 3 : 5);

// Runs one part; a part that cannot run says why instead of giving a number.
async function part(name, fn) {
  const t = Date.now();
  process.stderr.write(`bench: ${name}...\n`);
  try {
    const r = await fn();
    process.stderr.write(`bench: ${name} done in ${((Date.now() - t) / 1e3).toFixed(1)} s\n`);
    return r;
  } catch (e) {
    process.stderr.write(`bench: ${name} failed: ${e.message}\n`);
    return { unavailable: `${name} failed: ${e.message.split('\n')[0].slice(0, 300)}` };
  }
}

const result = {
  mode: quick ? 'quick' : 'full',
  started_at: new Date().toISOString(),
  commit: execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim(),
  // Other parts of the product change while benchmarks run: say what was measured.
  modified_files: execSync('git status --porcelain --untracked-files=no', { cwd: ROOT, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((l) => l.slice(3)),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load_at_start: os.loadavg()[0] },
  generator: { seed: SEED, faults: FAULTS },
  sizes: {},
};

const inputs = {};
for (const n of SIZES) {
  inputs[n] = await part(`generate ${n} learners`, () => generate(n));
  const input = inputs[n];
  const r = (result.sizes[n] = { learners: n, input_bytes: input.bytes });
  if (input.unavailable) { r.unavailable = input.unavailable; continue; }
  const pair = await part(`native and baseline ${n}`, () => measureNativeAndBaseline(input, repeatFor(n)));
  r.native = pair.native ?? pair;
  r.baseline = pair.baseline ?? pair;
  r.native_vs_baseline = pair.native_vs_baseline ?? null;
  if (n <= 100_000 || !quick) r.wasm = await part(`wasm ${n}`, () => measureWasm(input, repeatFor(n)));
}
const big = SIZES.at(-1);
const at100k = inputs[100_000];
result.browser = await part('browser', () => measureBrowser(at100k));
result.server = await part('server', () => measureServer(quick));

// Headline figures: the largest size of this run; wasm at 100k.
const s = result.sizes[big];
const w = result.sizes[100_000]?.wasm;
const b = result.browser;
const sv = result.server;
const reasons = {};
const pick = (key, value, reason) => {
  if (value == null) reasons[key] = reason ?? 'not measured';
  return value ?? null;
};
const summary = {
  learners: big,
  server_records: sv.peak_records ?? null,
  native_records_per_s: pick('native_records_per_s', s.native?.records_per_s, s.native?.unavailable),
  baseline_records_per_s: pick('baseline_records_per_s', s.baseline?.records_per_s, s.baseline?.unavailable),
  native_vs_baseline: pick('native_vs_baseline', s.native_vs_baseline, s.native?.unavailable ?? s.baseline?.unavailable),
  wasm_vs_native: pick('wasm_vs_native', w?.wasm_vs_native, w?.unavailable),
  wasm_vs_native_cold: pick('wasm_vs_native_cold', w?.wasm_vs_native_cold, w?.unavailable),
  browser_import_100k_s: pick('browser_import_100k_s', b.import_100k_s, b.unavailable),
  browser_first_frame_s: pick('browser_first_frame_s', b.first_frame_s, b.unavailable),
  browser_scroll_frame_p95_ms: pick('browser_scroll_frame_p95_ms', b.scroll?.frame_work_p95_ms, b.scroll?.unavailable ?? b.unavailable),
  browser_scroll_frame_own_p95_ms: pick('browser_scroll_frame_own_p95_ms', b.scroll?.frame_work_without_gl_sync_p95_ms, b.scroll?.unavailable ?? b.unavailable),
  download_gzip_bytes: pick('download_gzip_bytes', b.download?.wasm_js_gzip_bytes, b.download?.unavailable ?? b.unavailable),
  server_ingest_records_per_s: pick('server_ingest_records_per_s', sv.ingest_records_per_s, sv.unavailable),
  server_ingest_postgres_records_per_s: pick('server_ingest_postgres_records_per_s', sv.postgres_ingest_records_per_s,
    sv.ingest_100k_postgres?.unavailable ?? sv.unavailable),
  server_p99_ms: pick('server_p99_ms', sv.p99_ms, sv.unavailable),
  server_peak_vs_package: pick('server_peak_vs_package', sv.peak_vs_package, sv.peak_unavailable ?? sv.unavailable),
};
Object.assign(result, summary, { reasons, targets: targets(summary) });
result.finished_at = new Date().toISOString();
writeJson(result);

const details = [''];
for (const [n, r] of Object.entries(result.sizes)) {
  if (!r.native || r.native.unavailable) continue;
  details.push(`${n} learners (${r.native.records} records, ${(r.input_bytes / 1e6).toFixed(1)} MB CSV): `
    + `native ${r.native.e2e_s} s e2e (parse ${r.native.parse_s} s + validate ${r.native.validate_s} s), `
    + `peak RSS ${(r.native.peak_rss_bytes / 1e6).toFixed(0)} MB; `
    + `baseline ${r.baseline.e2e_s ?? '-'} s e2e, peak RSS ${((r.baseline.peak_rss_bytes ?? 0) / 1e6).toFixed(0)} MB; `
    + `native/baseline ${r.native_vs_baseline ?? '-'}`
    + (r.wasm && !r.wasm.unavailable ? `; wasm/native ${r.wasm.wasm_vs_native} warm (validate only `
      + `${r.wasm.wasm_vs_native_validate_only}), ${r.wasm.wasm_vs_native_cold} cold` : ''));
}
if (b.import) {
  details.push(`browser: import+validate ${round(b.import.import_validate_s)} s + save ${round(b.import.save_s)} s `
    + `(${b.import.rows} rows, ${b.import.errors} errors); scrolling ${b.scroll.frames} frames, interval p50 `
    + `${b.scroll.frame_interval_p50_ms} ms; ready ${b.ready_s} s; download all files ${b.download.all_gzip_bytes} B gzip`);
}
if (sv.latency) {
  const l = sv.latency_new_connections;
  details.push(`server: ingest ${sv.peak_records} records in ${(sv.ingest_1m ?? sv.ingest_100k).upload_s} s, `
    + `peak RSS ${((sv.ingest_1m ?? sv.ingest_100k).peak_rss_bytes / 1e6).toFixed(0)} MB; keep-alive p50 ${sv.p50_ms} ms `
    + `(${sv.latency.requests_per_s} req/s); a connection per request: p50 ${l.p50_ms} ms, p99 ${l.p99_ms} ms`);
}
details.push(`load average at start ${result.machine.load_at_start.toFixed(2)} on ${result.machine.cpus} CPUs; `
  + `written to bench-results/latest.json`);
printTable(summary, reasons, details);
