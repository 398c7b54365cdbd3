// Trainer demo mode: ?demo=1 opens a generated sample institution in its own database, which a
// reset regenerates and which never appears in the real (non-demo) database.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { session, shot, waitSaved } from "../helpers.mjs";

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
