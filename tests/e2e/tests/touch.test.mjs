// Phones: a finger tap on a form field gives the hidden text input the focus (so the on-screen
// keyboard opens), and what is typed then lands in the tapped field; a tap on empty space lets
// the focus go again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { compose, session, shot, sleep, tapAt, tapItem } from "../helpers.mjs";

let s;
before(async () => {
  s = await session({ viewport: { width: 412, height: 860 }, deviceScaleFactor: 2,
                      isMobile: true, hasTouch: true });
});
after(async () => { await s.close(); });

const focused = (page) => page.evaluate(() => document.activeElement?.id || "");

test("tapping a field focuses the hidden input and typing fills that field", async () => {
  const page = await s.open("#/form/learner/new");
  // Let go of the first field, which the form focuses on opening: tap the status line.
  await tapAt(page, 200, 850);
  await page.waitForFunction(() => document.activeElement?.id !== "hemis-text", null,
                             { timeout: 5000 });
  await sleep(400);
  assert.notEqual(await focused(page), "hemis-text");

  await tapItem(page, "form.ho_ten");
  await page.waitForFunction(() => document.activeElement?.id === "hemis-text", null,
                             { timeout: 5000 });
  await sleep(500);  // still focused after the client's own check of the touch
  assert.equal(await focused(page), "hemis-text");
  await compose(page, "Nguyễn Thị Hà");
  await sleep(200);
  const form = await page.evaluate(() => window.hemis.form());
  assert.equal(form.values[2], "Nguyễn Thị Hà");
  assert.equal(form.values[0], "");
  await shot(page, "touch-1-field");
});
