// A large CSV file is read a slice per frame: the import screen shows progress while the page
// keeps drawing, and the merged result equals the CLI's reading of the whole file, row numbers
// included, even with a BOM, CRLF line ends and quoted names that span two lines. The check of
// the read rows (the core's validation) still runs in one piece; its gap is only reported.
// Confirming writes the rows a slice per frame too, with progress, in one transaction.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { clickItem, hemisCli, session, shot, tempDir } from "../helpers.mjs";

let s, dir;
before(async () => {
  s = await session();
  dir = tempDir("hemis-e2e-large-");
  hemisCli(["generate", "--learners", "20000", "--seed", "5", "--faults", "0.02", "--out", dir]);
  // Every 997th record gets a two-line quoted name; the file gets a BOM and CRLF line ends.
  const lines = readFileSync(join(dir, "learners.csv"), "utf8").trimEnd().split("\n");
  const edited = lines.map((line, i) => {
    if (i === 0 || i % 997) return line;
    const cells = line.split(",");
    cells[2] = `"${cells[2]}\r\n(tên ""khác"")"`;
    return cells.join(",");
  });
  writeFileSync(join(dir, "learners.csv"), "\ufeff" + edited.join("\r\n") + "\r\n");
});
after(async () => { await s.close(); });

const key = (f) => `${f.rule}|${f.row}|${f.column}|${f.field}|${f.value}`;

test("a large file is read over many frames with progress and the CLI's findings", async (t) => {
  const page = await s.open("#/import");
  // Count animation frames and the longest gap between two while the file is read.
  await page.evaluate(() => {
    const w = window;
    w.frameGaps = { frames: 0, longest: 0, reading: 0, last: performance.now(), progress: [] };
    let stage = "";
    const tick = (t) => {
      const g = w.frameGaps;
      g.frames += 1;
      g.longest = Math.max(g.longest, t - g.last);
      // A gap that began while a slice was read: the part meant to leave the page responsive.
      if (stage === "reading") g.reading = Math.max(g.reading, t - g.last);
      g.last = t;
      const p = w.hemis.state().importProgress;
      stage = p ? p.stage : "";
      if (p) g.progress.push(`${p.stage}:${p.fraction.toFixed(2)}`);
      // Frames share a timestamp, so the frame after the last piece of work shows its length.
      if (w.hemis.state().pendingImport) g.after = (g.after || 0) + 1;
      if ((g.after || 0) < 3) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.setInputFiles("#hemis-file", join(dir, "learners.csv"));
  await page.waitForFunction(() => window.hemis.state().importProgress?.stage === "reading",
                             null, { timeout: 10000 });
  await shot(page, "import-large-1-progress");
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 60000 });
  await page.waitForFunction(() => window.frameGaps.after >= 3);
  const gaps = await page.evaluate(() => window.frameGaps);
  const partial = gaps.progress.filter((p) => /^reading:0\.(?!00)/.test(p));
  assert.ok(partial.length >= 3, `progress seen part-way on several frames: ${gaps.progress}`);
  assert.ok(gaps.progress.some((p) => p.startsWith("checking")), "a checking stage is shown");
  t.diagnostic(`${gaps.frames} frames, longest gap ${Math.round(gaps.longest)} ms (while ` +
               `reading ${Math.round(gaps.reading)} ms), ${partial.length} part-way readings`);
  assert.ok(gaps.reading < 1000, `the page kept drawing while reading (${gaps.reading} ms)`);

  const p = (await page.evaluate(() => window.hemis.state())).pendingImport;
  assert.equal(p.rows, 20000);
  const cli = JSON.parse(hemisCli(["validate", join(dir, "learners.csv"), "--json"]));
  assert.ok(cli.findings.length > 0);
  assert.deepEqual(p.findings.map(key), cli.findings.map(key));
  assert.equal((await page.evaluate(() => window.hemis.counts())).learner, 0, "nothing written");
  await shot(page, "import-large-2-preview");
  await page.close();  // the next test's tab must own the database to write
});

test("confirming a large file writes it over many frames with progress", async () => {
  const page = await s.open("#/import");
  await page.waitForFunction(() => window.hemis.state().tabOwner, null, { timeout: 10000 });
  await page.setInputFiles("#hemis-file", join(dir, "learners.csv"));
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 60000 });
  await page.evaluate(() => {
    const w = window;
    w.writing = [];
    const tick = () => {
      const p = w.hemis.state().importProgress;
      if (p && p.stage === "writing") w.writing.push(p.fraction);
      if (w.hemis.counts().learner === 0 || w.hemis.state().importProgress) {
        requestAnimationFrame(tick);
      }
    };
    requestAnimationFrame(tick);
  });
  await clickItem(page, "import.confirm");
  await page.waitForFunction(() => window.hemis.counts().learner === 20000, null,
                             { timeout: 60000 });
  const writing = await page.evaluate(() => window.writing);
  const partWay = writing.filter((f) => f > 0 && f < 1);
  assert.ok(partWay.length >= 3, `writing progress seen part-way on several frames: ${writing}`);
  const notice = (await page.evaluate(() => window.hemis.state())).notice;
  assert.match(notice.text, /20000 thêm mới/);
  await shot(page, "import-large-3-written");
});
