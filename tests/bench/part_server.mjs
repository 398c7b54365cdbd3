// Part 5, the upload server (build/native/server/hemis-server, API in server/openapi.json) on
// loopback with a fresh SQLite file: package ingest (records/s, and the server's peak RSS against
// the package size) and the latency of small requests (GET /api/v1/summary) from 50 concurrent
// keep-alive clients. The load generator shares the machine's CPUs with the server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HEMIS, RESULTS, ROOT, generate, median, round, run } from './lib.mjs';

const SERVER = path.join(ROOT, 'build/native/server/hemis-server');
const WORK = path.join(RESULTS, 'server');
const INSTITUTION = 'QHI';

function pack(input) {
  const file = path.join(WORK, `package-${input.learners}.json`);
  run([HEMIS, 'pack', input.dir, '--institution', INSTITUTION, '--period', '2026', '-o', file]);
  const head = fs.readFileSync(file, 'utf8').slice(0, 1 << 16);
  const counts = JSON.parse(/"counts":\s*(\{[^}]*\})/.exec(head)[1]);
  return { file, bytes: fs.statSync(file).size, records: Object.values(counts).reduce((a, b) => a + b, 0) };
}

// Starts a server on a fresh database (an SQLite file, or `pgUrl`'s fresh PostgreSQL database);
// resolves once its log says where it listens.
async function startServer(name, maxBody, pgUrl) {
  const db = pgUrl ?? path.join(WORK, `${name}.sqlite`);
  if (!pgUrl) for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const out = run([SERVER, 'admin', 'add-institution', INSTITUTION, '--db', db]).stdout;
  const token = out.trim().split('\n').at(-1);
  const proc = spawn(SERVER, ['--listen', '127.0.0.1:0', '--db', db, '--rate-limit', '1000000',
    '--max-body', String(maxBody), '--timeout', '600'], { stdio: ['ignore', 'ignore', 'pipe'] });
  // The server logs a line per request: only the start (until the port is known) and the last
  // few hundred bytes are kept, so reading the log never competes with the load it measures.
  const port = await new Promise((resolve, reject) => {
    let log = '', listening = false;
    proc.stderr.on('data', (d) => {
      log = listening ? (log + d).slice(-400) : log + d;
      if (listening) return;
      const m = /"event":"listening".*?"port":(\d+)/.exec(log);
      if (m) { listening = true; resolve(Number(m[1])); }
    });
    proc.on('exit', (code) => reject(new Error(`hemis-server exited ${code}: ${log.slice(-300)}`)));
  });
  return { proc, port, token, stop: () => proc.kill('SIGTERM') };
}

const peakRss = (pid) => 1024 * Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

function request(agent, port, token, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) } },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) fs.createReadStream(body).pipe(req); else req.end();
  });
}

async function ingest(pkg, pgUrl) {
  const server = await startServer(`ingest-${pkg.records}`, pkg.bytes * 2, pgUrl);
  try {
    const idleRss = peakRss(server.proc.pid);
    const t = process.hrtime.bigint();
    const r = await request(undefined, server.port, server.token, 'POST', '/api/v1/packages', pkg.file);
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    const receipt = JSON.parse(r.body);
    if (r.status !== 201 || receipt.status !== 'accepted') throw new Error(`upload answered ${r.status} ${receipt.status ?? r.body.slice(0, 200)}`);
    const peak = peakRss(server.proc.pid);
    return { records: pkg.records, package_bytes: pkg.bytes, upload_s: round(s, 4),
      records_per_s: Math.round(pkg.records / s), idle_rss_bytes: idleRss, peak_rss_bytes: peak,
      peak_vs_package: round(peak / pkg.bytes) };
  } finally {
    server.stop();
  }
}

// keepAlive false opens a connection per request: it tells a server that queues kept-alive
// connections behind a small worker pool apart from one that is slow to answer.
export async function latency(seconds, { clients = 50, keepAlive = true } = {}) {
  const server = await startServer('latency', 1 << 20);
  const agent = new http.Agent({ keepAlive, maxSockets: clients });
  try {
    const times = [];
    let failures = 0;
    const end = Date.now() + seconds * 1000;
    const client = async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        const r = await request(agent, server.port, server.token, 'GET', '/api/v1/summary');
        if (r.status === 200) times.push(Number(process.hrtime.bigint() - t) / 1e6); else failures++;
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    times.sort((a, b) => a - b);
    return { clients, keep_alive: keepAlive, requests: times.length, failures, requests_per_s: Math.round(times.length / seconds),
      p50_ms: round(median(times)), p99_ms: round(times[Math.floor(times.length * 0.99)]) };
  } finally {
    agent.destroy();
    server.stop();
  }
}

// A throwaway PostgreSQL cluster on a Unix socket (tests/server/pg_cluster.sh), one fresh
// database in it for the ingest; always stopped again.
async function ingestPostgres(pkg) {
  const script = path.join(ROOT, 'tests/server/pg_cluster.sh');
  const state = path.join(WORK, 'pg-state');
  try {
    run(['sh', script, 'start', state]);
  } catch (e) {
    return { unavailable: `PostgreSQL cluster did not start: ${e.message.split('\n')[0].slice(0, 200)}` };
  }
  try {
    const [sock, port] = fs.readFileSync(state, 'utf8').trim().split(/\s+/);
    const url = (db) => `postgresql://postgres@/${db}?host=${sock}&port=${port}`;
    run(['psql', '-q', url('postgres'), '-c', 'CREATE DATABASE bench']);
    return await ingest(pkg, url('bench'));
  } finally {
    run(['sh', script, 'stop', state], { okCodes: [0, 1] });
  }
}

export async function measureServer(quick) {
  if (!fs.existsSync(SERVER)) return { unavailable: 'hemis-server not built' };
  fs.mkdirSync(WORK, { recursive: true });
  // Fault-free data: a package with errors is rejected, and ingest is what is measured.
  const small = pack(generate(100_000, { faults: 0, name: 'server-100000' }));
  const seconds = quick ? 3 : 10;
  const result = { ingest_100k: await ingest(small), ingest_100k_postgres: await ingestPostgres(small),
    latency: await latency(seconds),
    latency_new_connections: await latency(seconds, { keepAlive: false }) };
  // About 1M records: 404k learners bring their staff, programmes and status rows.
  if (!quick) result.ingest_1m = await ingest(pack(generate(404_000, { faults: 0, name: 'server-404000' })));
  const big = result.ingest_1m ?? result.ingest_100k;
  return { ...result, ingest_records_per_s: big.records_per_s, p50_ms: result.latency.p50_ms,
    p99_ms: result.latency.p99_ms, peak_vs_package: big.peak_vs_package, peak_records: big.records,
    postgres_ingest_records_per_s: result.ingest_100k_postgres.records_per_s ?? null };
}
