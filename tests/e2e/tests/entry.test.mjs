// Entering a learner by keyboard, with the name typed through IME composition: the form shows a
// field-level finding, fixing it clears the finding, and the record survives a reload.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  compose, press, session, shot, sleep, typeText, waitForTextFocus, waitSaved,
} from "../helpers.mjs";

let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

const fieldFindings = (form, field) => form.findings.filter((f) => f.field === field);

async function formState(page) {
  return page.evaluate(() => window.hemis.form());
}

test("a learner typed by keyboard is checked live, fixed, saved and still there after reload",
     async () => {
  const page = await s.open("#/form/learner/new");
  await waitForTextFocus(page);
  await page.evaluate(() => {
    window.compositions = [];
    document.getElementById("hemis-text").addEventListener("compositionend",
                                                            (e) => window.compositions.push(e.data));
  });

  await typeText(page, "SV9000001");
  await press(page, "Tab");
  await typeText(page, "001205012345");
  await press(page, "Tab");
  await compose(page, "Nguyễn");
  await typeText(page, " ");
  await compose(page, "Thị");
  await typeText(page, " ");
  await compose(page, "Ánh");
  await press(page, "Tab");
  await typeText(page, "31/02/2005");
  await sleep(600);

  assert.deepEqual(await page.evaluate(() => window.compositions), ["Nguyễn", "Thị", "Ánh"]);
  let form = await formState(page);
  assert.equal(form.values[0], "SV9000001");
  assert.equal(form.values[2], "Nguyễn Thị Ánh");
  assert.equal(form.values[3], "31/02/2005");
  const dateFindings = fieldFindings(form, "ngay_sinh");
  assert.ok(dateFindings.length > 0, "a finding on ngay_sinh is shown while typing");
  await shot(page, "entry-1-live-finding");

  await press(page, "Enter", ["Control"]);
  await page.waitForFunction(() => window.hemis.form() && window.hemis.form().saved);
  let stored = await page.evaluate(() => window.hemis.record("learner", "SV9000001"));
  assert.equal(stored.ho_ten, "Nguyễn Thị Ánh");
  assert.equal(stored.phien_ban, "1");
  assert.equal(stored.su_kien, "new");
  const summary = await page.evaluate(() => window.hemis.validate());
  assert.ok(summary.findings.some((f) => f.record === "SV9000001" && f.field === "ngay_sinh"));

  // Fix the date: reopen the record, move to the date field, select all and retype.
  await page.evaluate(() => { location.hash = "#/form/learner/SV9000001"; });
  await waitForTextFocus(page);
  await press(page, "Tab");
  await press(page, "Tab");
  await press(page, "Tab");
  await press(page, "a", ["Control"]);
  await typeText(page, "15/02/2005");
  await sleep(600);
  form = await formState(page);
  assert.equal(form.values[3], "15/02/2005");
  assert.deepEqual(fieldFindings(form, "ngay_sinh"), []);
  await press(page, "Enter", ["Control"]);
  await page.waitForFunction(() => window.hemis.form() && window.hemis.form().saved);
  await shot(page, "entry-2-fixed");
  await waitSaved(page);

  await page.reload();
  await page.waitForFunction(() => window.hemis && window.hemis.ready);
  stored = await page.evaluate(() => window.hemis.record("learner", "SV9000001"));
  assert.equal(stored.ho_ten, "Nguyễn Thị Ánh");
  assert.equal(stored.ngay_sinh, "15/02/2005");
  assert.equal(stored.phien_ban, "2", "editing bumps the version");
  assert.equal(stored.su_kien, "update");
  const after = await page.evaluate(() => window.hemis.validate());
  assert.ok(!after.findings.some((f) => f.record === "SV9000001" && f.field === "ngay_sinh"));
  await page.evaluate(() => { location.hash = "#/table/learner"; });
  await sleep(300);
  await shot(page, "entry-3-after-reload");
  assert.deepEqual(page.outsideRequests, []);
});
