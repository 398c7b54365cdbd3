// A second tab on the same database is read-only and says so; it takes over, with the first
// tab's saved data, when the first tab closes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { session, shot, waitSaved } from "../helpers.mjs";

let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

const PROGRAMMES = "ma_nganh,ten_nganh,trinh_do,hinh_thuc,phien_ban,su_kien,cap_nhat_luc\n" +
  "7480201,Công nghệ thông tin,7,1,1,new,2026-09-15T08:00:00+07:00\n";

test("a second tab does not overwrite the first and takes over when it closes", async () => {
  const first = await s.open();
  const second = await s.open();
  await second.waitForFunction(() => !window.hemis.state().tabOwner);
  assert.equal(await first.evaluate(() => window.hemis.state().tabOwner), true);
  await shot(second, "tabs-1-second-tab-read-only");

  const refused = await second.evaluate((t) => window.hemis.importCsv("programme", t), PROGRAMMES);
  assert.equal(refused.committed, false);
  const accepted = await first.evaluate((t) => window.hemis.importCsv("programme", t), PROGRAMMES);
  assert.equal(accepted.committed, true);
  await waitSaved(first);

  await first.close();
  await second.waitForFunction(() => window.hemis.state().tabOwner, null, { timeout: 10000 });
  await second.waitForFunction(() => window.hemis.counts().programme === 1, null,
                               { timeout: 10000 });
  const again = await second.evaluate((t) => window.hemis.importCsv("programme", t), PROGRAMMES);
  assert.equal(again.committed, true);
});
