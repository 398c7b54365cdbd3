// The record form guards saved data: a saved record's id and the version metadata cannot be
// typed over (saving raises the saved version), a new record whose id is already saved gets a
// finding while typing and is not saved, Escape with unsaved edits asks instead of discarding,
// and a finding chosen in the report puts the keyboard in the field it names. The table's search
// matches ids and names, not code columns.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  clickItem, press, session, shot, sleep, typeText, waitForTextFocus,
} from "../helpers.mjs";

const PROGRAMMES = "ma_nganh,ten_nganh,trinh_do,hinh_thuc,phien_ban,su_kien,cap_nhat_luc\n" +
  "7480201,Công nghệ thông tin,7,Chính quy,2,new,2026-01-05T08:00:00Z\n";
const LEARNERS = "ma_nguoi_hoc,ho_ten,gioi_tinh\nSV-A,Nguyễn Văn An,1\nSV-B,Trần Thị Bình,2\n";

let s, page;
before(async () => {
  s = await session();
  page = await s.open();
  for (const [e, t] of [["programme", PROGRAMMES], ["learner", LEARNERS]]) {
    const r = await page.evaluate(([n, x]) => window.hemis.importCsv(n, x), [e, t]);
    assert.equal(r.committed, true, r.failure);
  }
});
after(async () => { await s.close(); });

const form = () => page.evaluate(() => window.hemis.form());
const stored = () => page.evaluate(() => window.hemis.record("programme", "7480201"));
const go = async (hash) => { await page.evaluate((h) => { location.hash = h; }, hash); await sleep(300); };

test("a saved record's id and version cannot be typed over; saving raises the version",
     async () => {
  await go("#/form/programme/7480201");
  await clickItem(page, "form.ma_nganh");
  await typeText(page, "99");
  await clickItem(page, "form.phien_ban");
  await typeText(page, "1");
  let f = await form();
  assert.equal(f.values[0], "7480201", "the id stays");
  assert.equal(f.values[4], "2", "the version stays");
  await clickItem(page, "form.ten_nganh");
  await waitForTextFocus(page);
  await press(page, "a", ["Control"]);
  await typeText(page, "CNTT mới");
  await press(page, "Enter", ["Control"]);
  await page.waitForFunction(() => window.hemis.form() && window.hemis.form().saved);
  const r = await stored();
  assert.equal(r.ten_nganh, "CNTT mới");
  assert.equal(r.phien_ban, "3");
  assert.equal(r.su_kien, "update");
  assert.equal((await page.evaluate(() => window.hemis.counts())).programme, 1);
  await shot(page, "form-guard-1-id-read-only");
});

test("a new record with a saved id is flagged while typing and not saved", async () => {
  await go("#/form/programme/new");
  await waitForTextFocus(page);
  await typeText(page, "7480201");
  await sleep(600);
  const f = await form();
  const dup = f.findings.filter((x) => x.rule === "form.duplicate_id");
  assert.equal(dup.length, 1, JSON.stringify(f.findings));
  assert.equal(dup[0].field, "ma_nganh");
  assert.match(dup[0].message, /Mã 7480201 đã có trong dữ liệu đã lưu/);
  await shot(page, "form-guard-2-duplicate-id");
  await press(page, "Enter", ["Control"]);
  const st = await page.evaluate(() => window.hemis.state());
  assert.equal(st.notice.error, true);
  assert.equal(st.counts.programme, 1);
  assert.equal((await stored()).ten_nganh, "CNTT mới");
});

test("Escape with unsaved edits asks, keeps the edits, and discards only when told",
     async () => {
  await go("#/form/programme/7480201");
  await clickItem(page, "form.ten_nganh");
  await waitForTextFocus(page);
  await press(page, "End");
  await typeText(page, " X");
  await press(page, "Escape");
  let f = await form();
  assert.ok(f, "the form is still open");
  assert.equal(f.asking, true);
  assert.equal(f.values[1], "CNTT mới X", "the typed text is kept");
  await shot(page, "form-guard-3-unsaved-question");
  await press(page, "Escape");
  f = await form();
  assert.equal(f.asking, false, "a second Escape goes back to editing");
  assert.equal(f.values[1], "CNTT mới X");
  await press(page, "Escape");
  await clickItem(page, "form.ask.discard");
  assert.equal((await page.evaluate(() => window.hemis.state())).screen, "table");
  assert.equal((await stored()).ten_nganh, "CNTT mới");
});

test("a finding chosen in the report focuses the field it names", async () => {
  const findings = (await page.evaluate(() => window.hemis.validate())).findings;
  const i = findings.findIndex((x) => x.row > 0 && x.field && x.field !== "ma_nganh" &&
                                      x.field !== "ma_nguoi_hoc");
  assert.ok(i >= 0, JSON.stringify(findings));
  await go("#/report");
  await clickItem(page, `report.row.${i}`);
  await page.waitForFunction((field) => window.hemis.form() &&
                             window.hemis.form().focused === field, findings[i].field,
                             { timeout: 5000 });
  await shot(page, "form-guard-4-focused-field");
  await press(page, "Escape");
});

test("the table search matches ids and names, not code columns", async () => {
  await go("#/table/learner");
  await clickItem(page, "table.search");
  await typeText(page, "1");
  await sleep(300);
  let t = (await page.evaluate(() => window.hemis.state())).table;
  assert.deepEqual(t, { entity: "learner", query: "1", shown: 0 });
  await press(page, "a", ["Control"]);
  await typeText(page, "binh");
  await sleep(300);
  t = (await page.evaluate(() => window.hemis.state())).table;
  assert.deepEqual(t, { entity: "learner", query: "binh", shown: 1 });
  await press(page, "a", ["Control"]);
  await typeText(page, "sv-a");
  await sleep(300);
  t = (await page.evaluate(() => window.hemis.state())).table;
  assert.equal(t.shown, 1);
  await shot(page, "form-guard-5-search");
});
