// High-DPI screens: at a device pixel ratio of 2 the canvas has twice as many backing pixels as
// CSS pixels (crisp text), and a mouse click still lands on the widget under the pointer.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { clickItem, session, shot } from "../helpers.mjs";

let s;
before(async () => { s = await session({ deviceScaleFactor: 2 }); });
after(async () => { await s.close(); });

test("the canvas is drawn at twice its CSS size and clicks land where they point", async () => {
  const page = await s.open();
  const size = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { dpr: window.devicePixelRatio, w: c.width, h: c.height,
             cssW: c.clientWidth, cssH: c.clientHeight };
  });
  assert.equal(size.dpr, 2);
  assert.equal(size.cssW, 1280);
  assert.equal(size.w, 2 * size.cssW);
  assert.equal(size.h, 2 * size.cssH);
  await shot(page, "hidpi-1-dashboard");

  await clickItem(page, "nav.import");
  await page.waitForFunction(() => window.hemis.state().screen === "import", null,
                             { timeout: 5000 });
  const shotBytes = await page.screenshot();
  // A 1280x800 page at ratio 2 screenshots as 2560x1600 (PNG width and height at bytes 16-23).
  assert.equal(shotBytes.readUInt32BE(16), 2560);
  assert.equal(shotBytes.readUInt32BE(20), 1600);
  await shot(page, "hidpi-2-import");
});
