// Part 4, the browser client in headless Chromium (Debian's, via playwright-core): time to first
// frame, import + validate + save of a 100k-learner CSV through window.hemis, frame times while
// scrolling the 100k-row table, and the wasm + JS download size raw and gzip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { RESULTS, ROOT, median, round } from './lib.mjs';
import { serveStatic } from './static_server.mjs';

const SITE = path.join(ROOT, 'build/web/wasm/site');
const FLAGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export function downloadSizes(site = SITE) {
  const sizes = { wasm_js_raw_bytes: 0, wasm_js_gzip_bytes: 0, all_raw_bytes: 0, all_gzip_bytes: 0, files: {} };
  for (const name of fs.readdirSync(site)) {
    const raw = fs.readFileSync(path.join(site, name));
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    sizes.files[name] = { raw: raw.length, gzip: gz };
    sizes.all_raw_bytes += raw.length;
    sizes.all_gzip_bytes += gz;
    if (/\.(wasm|js)$/.test(name)) { sizes.wasm_js_raw_bytes += raw.length; sizes.wasm_js_gzip_bytes += gz; }
  }
  return sizes;
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function timeImport(page, input) {
  await page.evaluate(([p, l]) => { window.__csv = { p, l }; },
    [fs.readFileSync(input.files[0], 'utf8'), fs.readFileSync(input.files[2], 'utf8')]);
  return page.evaluate(async () => {
    const waitSaved = async () => {
      while (window.hemis.state().saving) await new Promise((ok) => setTimeout(ok, 5));
    };
    window.hemis.importCsv('programmes.csv', window.__csv.p);
    await waitSaved();
    const t0 = performance.now();
    const r = window.hemis.importCsv('learners.csv', window.__csv.l);
    const t1 = performance.now();
    await waitSaved();
    const t2 = performance.now();
    delete window.__csv;
    return { committed: r.committed, rows: r.rows, errors: r.errors, warnings: r.warnings,
      import_validate_s: (t1 - t0) / 1e3, save_s: (t2 - t1) / 1e3, total_s: (t2 - t0) / 1e3,
      last_save_ok: window.hemis.state().lastSaveOk };
  });
}

async function timeScroll(page, seconds) {
  await page.evaluate(() => window.hemis.navigate('#/table/learner'));
  await page.waitForTimeout(500);
  const box = await page.locator('canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.screenshot({ path: path.join(RESULTS, 'browser-scroll-before.png') });
  await page.evaluate(() => { window.__hemisBench.frames = []; window.__hemisBench.recording = true; });
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) await page.mouse.wheel(0, 200);
  const frames = await page.evaluate(() => {
    window.__hemisBench.recording = false;
    return window.__hemisBench.frames;
  });
  await page.screenshot({ path: path.join(RESULTS, 'browser-scroll-after.png') });
  const work = frames.map((f) => f.work);
  const own = frames.map((f) => f.work - f.glSync);
  const gaps = frames.slice(1).map((f, i) => f.start - frames[i].start);
  return { frames: frames.length, frame_work_p50_ms: round(median(work)), frame_work_p95_ms: round(pct(work, 0.95)),
    frame_work_max_ms: round(Math.max(...work)),
    frame_work_without_gl_sync_p50_ms: round(median(own)), frame_work_without_gl_sync_p95_ms: round(pct(own, 0.95)),
    frame_interval_p50_ms: round(median(gaps)),
    frame_interval_p95_ms: round(pct(gaps, 0.95)) };
}

// `site` lets a profiling or experimental build be measured the same way; HEMIS_BENCH_PROFILE=FILE
// saves a CPU profile (.cpuprofile, for Chrome's DevTools) of the scrolling phase.
export async function measureBrowser(input, { scrollSeconds = 3, site = SITE } = {}) {
  if (!fs.existsSync(path.join(site, 'index.html'))) return { unavailable: `${site} not built` };
  if (!input || input.unavailable) return { unavailable: 'no 100k input' };
  const download = downloadSizes(site);
  const server = await serveStatic(site);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hemis-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, viewport: { width: 1280, height: 800 },
  });
  try {
    await context.addInitScript({ path: new URL('./frame_probe.js', import.meta.url).pathname });
    const page = await context.newPage();
    const outside = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) outside.push(r.url()); });
    await page.goto(server.url);
    await page.waitForFunction(() => window.hemis && window.hemis.ready, null, { timeout: 120000 });
    const load = await page.evaluate(() => ({ first: window.__hemisBench.firstFrameMs, ready: performance.now() }));
    const imported = await timeImport(page, input);
    const profileFile = process.env.HEMIS_BENCH_PROFILE;
    const cdp = profileFile && await context.newCDPSession(page);
    if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
    const scroll = await timeScroll(page, scrollSeconds);
    if (cdp) fs.writeFileSync(profileFile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    return {
      first_frame_s: round(load.first / 1e3), ready_s: round(load.ready / 1e3),
      import_100k_s: imported.committed ? round(imported.total_s) : null, import: imported,
      scroll, download, outside_requests: outside.length,
      wasm_built_at: fs.statSync(path.join(site, 'hemis.wasm')).mtime.toISOString(),
    };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}
