// The presenter zoom slider in demo mode: dragging it does not rescale the page under the mouse
// (which made the value jump); the new zoom applies when the slider is let go.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { itemCentre, session, shot, sleep } from "../helpers.mjs";

let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

test("the zoom slider keeps still while dragged and applies on release", async () => {
  const page = await s.open("?demo=1");
  const start = await page.evaluate(() => window.hemis.itemRect("demo.zoom"));
  const { y } = await itemCentre(page, "demo.zoom");
  await page.mouse.move(start.x + 4, y);
  await page.mouse.down();
  await sleep(150);
  for (let i = 1; i <= 6; ++i) {
    await page.mouse.move(start.x + (start.width * i) / 8, y, { steps: 3 });
    await sleep(120);
    const during = await page.evaluate(() => window.hemis.itemRect("demo.zoom"));
    assert.deepEqual(during, start, `the slider stays put while dragging (step ${i})`);
  }
  await page.mouse.up();
  await page.waitForFunction((w) => window.hemis.itemRect("demo.zoom").width > w * 1.2,
                             start.width, { timeout: 5000 });
  await sleep(200);
  await shot(page, "zoom-1-after-release");
  await page.close();
});
