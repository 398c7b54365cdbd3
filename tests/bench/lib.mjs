// Helpers shared by the benchmark parts: running a command under /usr/bin/time -v (wall time and
// peak RSS as the kernel reports them), medians, and generated inputs from the core's generator.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const RESULTS = path.join(ROOT, 'bench-results');
export const HEMIS = path.join(ROOT, 'build/native/cli/hemis');
export const NODE = process.execPath;
export const INPUT_FILES = ['programmes.csv', 'staff.csv', 'learners.csv', 'learner_status.csv'];

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const round = (x, digits = 3) => (x == null ? null : Number(x.toPrecision(digits)));

// Runs argv and returns {code, stdout, stderr}; throws with stderr when the exit code is not in okCodes.
export function run(argv, { okCodes = [0], env, cwd } = {}) {
  const r = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env }, cwd,
  });
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status)) {
    throw new Error(`${argv.join(' ')} exited ${r.status}: ${(r.stderr || '').slice(-600)}`);
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Runs argv under /usr/bin/time -v: {wall_s, peak_rss_bytes, stdout}. The wall time is measured
// here around the process; time's own report gives the peak resident set size.
export function timed(argv, opts = {}) {
  const report = path.join(RESULTS, '.time-report');
  const start = process.hrtime.bigint();
  const r = run(['/usr/bin/time', '-v', '-o', report, ...argv], opts);
  const wall_s = Number(process.hrtime.bigint() - start) / 1e9;
  const text = fs.readFileSync(report, 'utf8');
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]);
  return { wall_s, peak_rss_bytes: kb * 1024, stdout: r.stdout };
}

// Generates an institution of n learners with a fixed seed and, by default, a 1% fault share (so
// validation has findings to report, as real data does) into bench-results/inputs/<name>.
export const SEED = 20261;
export const FAULTS = 0.01;
export function generate(n, { faults = FAULTS, name = String(n) } = {}) {
  const dir = path.join(RESULTS, 'inputs', name);
  fs.rmSync(dir, { recursive: true, force: true });
  run([HEMIS, 'generate', '--learners', String(n), '--seed', String(SEED),
    '--faults', String(faults), '--out', dir]);
  const files = INPUT_FILES.map((f) => path.join(dir, f));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  return { learners: n, dir, files, bytes };
}
