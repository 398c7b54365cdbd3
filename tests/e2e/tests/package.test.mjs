// Packaging: the package the browser makes from imported files is byte-identical to what
// `hemis pack` makes from the same files.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { hemisCli, session, shot, sleep, tempDir, waitSaved } from "../helpers.mjs";

const FILES = ["programmes.csv", "staff.csv", "learners.csv", "learner_status.csv"];
let s, dir;

before(async () => {
  s = await session();
  dir = tempDir("hemis-e2e-pack-");
  hemisCli(["generate", "--learners", "60", "--seed", "5", "--faults", "0", "--out", dir]);
});
after(async () => { await s.close(); });

test("the exported package equals hemis pack's output byte for byte", async () => {
  const cliPackage = join(dir, "package.json");
  hemisCli(["pack", dir, "--institution", "DHV01", "--period", "2026", "-o", cliPackage], [0]);
  const page = await s.open();
  for (const name of FILES) {
    const text = readFileSync(join(dir, name), "utf8");
    const r = await page.evaluate(([n, t]) => window.hemis.importCsv(n, t), [name, text]);
    assert.equal(r.committed, true, `${name} imported`);
  }
  const browserPackage = await page.evaluate(
    () => window.hemis.exportPackage({ institution: "DHV01", period: "2026" }));
  assert.equal(browserPackage, readFileSync(cliPackage, "utf8"));
  await waitSaved(page);

  // The same after a reload: the package is made from what was stored.
  await page.reload();
  await page.waitForFunction(() => window.hemis && window.hemis.ready);
  const again = await page.evaluate(() => window.hemis.exportPackage());
  assert.equal(again, browserPackage);

  // A code the package reader (and the server) would refuse is not saved; the profile stays.
  const refused = await page.evaluate(() => {
    try { window.hemis.exportPackage({ institution: "DH V01", period: "2026" }); return null; }
    catch (e) { return e.message; }
  });
  assert.match(refused, /institution code or period/);
  assert.equal(await page.evaluate(() => window.hemis.exportPackage()), browserPackage);
  await page.evaluate(() => { location.hash = "#/package"; });
  await sleep(300);
  await shot(page, "package-1-screen");
});
