// Importing CSV files with faults: the preview shows a row-level report in the file's own row
// numbers and writes nothing; a broken file leaves the database as it was; after importing all
// files the browser's findings are byte-identical to `hemis validate --json`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { hemisCli, session, shot, sleep, tempDir } from "../helpers.mjs";

const FILES = ["programmes.csv", "staff.csv", "learners.csv", "learner_status.csv"];
let s, dir;

before(async () => {
  s = await session();
  dir = tempDir("hemis-e2e-import-");
  hemisCli(["generate", "--learners", "40", "--seed", "11", "--faults", "0.25", "--out", dir]);
});
after(async () => { await s.close(); });

const read = (name) => readFileSync(join(dir, name), "utf8");

test("a chosen file is previewed with the file's row numbers and nothing is written", async () => {
  const page = await s.open("#/import");
  await page.setInputFiles("#hemis-file", join(dir, "learners.csv"));
  await sleep(800);
  await shot(page, "import-1-preview");
  const counts = await page.evaluate(() => window.hemis.counts());
  assert.equal(counts.learner, 0, "the preview writes nothing");
  await page.close();
});

test("a file with broken quoting is refused and the database is unchanged", async () => {
  const page = await s.open();
  const first = await page.evaluate((t) => window.hemis.importCsv("programmes.csv", t),
                                    read("programmes.csv"));
  assert.equal(first.committed, true);
  const before = await page.evaluate(() => window.hemis.counts());
  const broken = read("programmes.csv").replace(/\n(\d)/, '\n"$1');  // unterminated quote
  const r = await page.evaluate((t) => window.hemis.importCsv("programmes.csv", t), broken);
  assert.equal(r.committed, false);
  assert.deepEqual(await page.evaluate(() => window.hemis.counts()), before);
  await page.close();
});

test("imported files give the CLI's findings, byte for byte, with the files' row numbers",
     async () => {
  const page = await s.open();
  for (const name of FILES) {
    const r = await page.evaluate(([n, t]) => window.hemis.importCsv(n, t), [name, read(name)]);
    assert.equal(r.committed, true, `${name} imported`);
  }
  // The row-level report of a re-imported learners file matches the CLI's rows for that file.
  const cliJson = hemisCli(["validate", dir, "--json"]);
  const cli = JSON.parse(cliJson);
  const cliLearnerRows = cli.findings.filter((f) => f.file === "learners.csv").map((f) => f.row);
  assert.ok(cliLearnerRows.length > 0, "the generated learners carry faults");
  const report = await page.evaluate((t) => window.hemis.importCsv("learners.csv", t),
                                     read("learners.csv"));
  assert.deepEqual(report.findings.map((f) => f.row), cliLearnerRows);

  const browserJson = await page.evaluate(() => JSON.stringify(window.hemis.validate()));
  assert.deepEqual(JSON.parse(browserJson), cli);
  const text = await page.evaluate(() => window.hemis.validateText());
  assert.equal(text, cliJson, "verdict JSON is byte-identical");
  await page.evaluate(() => { location.hash = "#/report"; });
  await sleep(400);
  await shot(page, "import-2-report");
  assert.deepEqual(page.outsideRequests, []);
  await page.close();
});

test("an empty file is refused instead of emptying a table", async () => {
  const page = await s.open();
  const first = await page.evaluate((t) => window.hemis.importCsv("programmes.csv", t),
                                    read("programmes.csv"));
  assert.equal(first.committed, true);
  const before = await page.evaluate(() => window.hemis.counts());
  assert.ok(before.programme > 0);
  const r = await page.evaluate(() => window.hemis.importCsv("programmes.csv", ""));
  assert.equal(r.committed, false);
  assert.ok(r.findings.some((f) => f.rule === "input.empty_file"), JSON.stringify(r.findings));
  assert.deepEqual(await page.evaluate(() => window.hemis.counts()), before);
  await page.close();
});
