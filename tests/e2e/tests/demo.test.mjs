// Trainer demo mode: ?demo=1 opens a generated sample institution in its own database, which the
// reset button regenerates and which never appears in the real (non-demo) database.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { clickItem, hemisCli, session, shot, waitSaved } from "../helpers.mjs";

let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

test("demo data is generated, usable and kept apart from real data", async () => {
  const demo = await s.open("?demo=1");
  const state = await demo.evaluate(() => window.hemis.state());
  assert.equal(state.demo, true);
  assert.ok(state.counts.learner > 0 && state.counts.programme > 0);
  assert.ok(state.validation.errors > 0, "the sample carries faults to find");
  const pkg = await demo.evaluate(() => window.hemis.exportPackage());
  assert.ok(pkg.includes('"institution": "DEMO"'));
  await waitSaved(demo);
  await shot(demo, "demo-1-dashboard");
  await demo.close();

  const real = await s.open();
  const counts = await real.evaluate(() => window.hemis.counts());
  assert.deepEqual(counts, { programme: 0, staff: 0, learner: 0, status: 0 });
});

test("the reset button brings the sample back after a trainee's changes", async () => {
  const demo = await s.open("?demo=1");
  const sample = await demo.evaluate(() => window.hemis.counts());
  const findings = await demo.evaluate(() => window.hemis.validate().findings.length);
  // A trainee replaces all learners with one of their own.
  const header = hemisCli(["template", "learner"]).trim();
  const one = header + "\n" + header.split(",").map((f) => (f === "ma_nguoi_hoc" ? "SV9" : ""))
    .join(",") + "\n";
  const r = await demo.evaluate((t) => window.hemis.importCsv("learner", t, { mode: "replace" }),
                                one);
  assert.equal(r.committed, true);
  assert.equal((await demo.evaluate(() => window.hemis.counts())).learner, 1);
  await waitSaved(demo);

  await clickItem(demo, "demo.reset");
  await demo.waitForFunction((n) => window.hemis.counts().learner === n, sample.learner,
                             { timeout: 15000 });
  const state = await demo.evaluate(() => window.hemis.state());
  assert.deepEqual(state.counts, sample);
  assert.equal(state.notice.text, "Đã tạo lại dữ liệu mẫu.");
  assert.equal(await demo.evaluate(() => window.hemis.record("learner", "SV9")), null);
  assert.equal(await demo.evaluate(() => window.hemis.validate().findings.length), findings);
  await waitSaved(demo);
  await shot(demo, "demo-2-after-reset");
});
