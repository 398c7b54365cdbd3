// Copy to the system clipboard: text selected in a field and copied with Ctrl+C reaches the
// clipboard through navigator.clipboard (the context is granted clipboard access and reads it
// back).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { press, session, typeText, waitForTextFocus } from "../helpers.mjs";

let s;
before(async () => {
  s = await session({ permissions: ["clipboard-read", "clipboard-write"] });
});
after(async () => { await s.close(); });

test("Ctrl+A, Ctrl+C in a field puts its text on the system clipboard", async () => {
  const page = await s.open("#/form/learner/new");
  await waitForTextFocus(page);
  await page.evaluate(() => navigator.clipboard.writeText("trước"));
  await typeText(page, "SV2024123");
  await press(page, "a", ["Control"]);
  await press(page, "c", ["Control"]);
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== "trước",
                             null, { timeout: 5000, polling: 100 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "SV2024123");
  assert.equal((await page.evaluate(() => window.hemis.form())).values[0], "SV2024123");
});
