// Column mapping in the import preview: a column whose header is not the template's can be sent
// to a field, an extra column left out; the report follows each choice, nothing is written until
// the import is confirmed, and the stored records take the mapped column's values.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { clickItem, hemisCli, session, shot, sleep } from "../helpers.mjs";

let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

// A programmes file as a person might keep it: the name column headed in words, and a column of
// their own notes.
function programmesCsv() {
  const header = hemisCli(["template", "programme"]).trim().split(",");
  const nameAt = header.indexOf("ten_nganh");
  assert.ok(nameAt >= 0, "the programme template has ten_nganh");
  const named = header.map((h, i) => (i === nameAt ? "Tên ngành" : h)).concat("Ghi chú nội bộ");
  const row = (code, name) => header.map((h) => ({
    ma_nganh: code, ten_nganh: name, trinh_do: "7", hinh_thuc: "1", phien_ban: "1", su_kien: "new",
    cap_nhat_luc: "2026-09-15T08:00:00+07:00",
  })[h] ?? "").concat("xem lại");
  return { nameAt, text: [named, row("7480201", "Công nghệ thông tin"),
                          row("7340101", "Quản trị kinh doanh")].map((r) => r.join(",")).join("\n") + "\n" };
}

const rules = (p) => p.findings.map((f) => `${f.rule}:${f.field}`);

test("columns can be mapped or left out before confirming", async () => {
  const page = await s.open("#/import");
  const { nameAt, text } = programmesCsv();
  await page.setInputFiles("#hemis-file", {
    name: "programmes.csv", mimeType: "text/csv", buffer: Buffer.from(text),
  });
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 10000 });
  let p = (await page.evaluate(() => window.hemis.state())).pendingImport;
  const extraAt = p.columns.length - 1;
  assert.equal(p.columns[nameAt].field, "");
  assert.ok(rules(p).includes("input.column_unknown:Tên ngành"), rules(p).join(" "));
  assert.ok(rules(p).includes("input.column_unknown:Ghi chú nội bộ"));
  assert.ok(rules(p).some((r) => r.endsWith(":ten_nganh")), "the name is missing");
  await shot(page, "mapping-1-unmapped");

  p = await page.evaluate(([c]) => window.hemis.mapColumn(c, "ten_nganh"), [nameAt]);
  assert.equal(p.columns[nameAt].field, "ten_nganh");
  assert.ok(!rules(p).includes("input.column_unknown:Tên ngành"));
  assert.ok(!rules(p).some((r) => r.endsWith(":ten_nganh")), rules(p).join(" "));

  p = await page.evaluate(([c]) => window.hemis.mapColumn(c, ""), [extraAt]);
  assert.equal(p.columns[extraAt].field, "");
  assert.deepEqual(rules(p).filter((r) => r.startsWith("input.column_unknown")), []);
  await sleep(300);
  await shot(page, "mapping-2-mapped");
  assert.equal((await page.evaluate(() => window.hemis.counts())).programme, 0, "nothing written");

  const r = await page.evaluate(() => window.hemis.confirmImport());
  assert.equal(r.committed, true);
  const stored = await page.evaluate(() => window.hemis.record("programme", "7480201"));
  assert.equal(stored.ten_nganh, "Công nghệ thông tin");
  assert.equal((await page.evaluate(() => window.hemis.counts())).programme, 2);
  await page.close();
});

test("moving a field to another column takes it from the first", async () => {
  const page = await s.open("#/import");
  const { nameAt, text } = programmesCsv();
  await page.setInputFiles("#hemis-file", {
    name: "programmes.csv", mimeType: "text/csv", buffer: Buffer.from(text),
  });
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 10000 });
  const p = await page.evaluate(() => window.hemis.mapColumn(0, "ten_nganh"));
  assert.equal(p.columns[0].field, "ten_nganh");
  assert.equal(p.columns[nameAt].field, "");
  assert.ok(p.findings.some((f) => f.field === "ma_nganh"), "the id column is now missing");
  await page.close();
});

test("a column is mapped with the mouse in the preview's field list", async () => {
  const page = await s.open("#/import");
  const before = await page.evaluate(() => window.hemis.counts());
  const { nameAt, text } = programmesCsv();
  await page.setInputFiles("#hemis-file", {
    name: "programmes.csv", mimeType: "text/csv", buffer: Buffer.from(text),
  });
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 10000 });
  await clickItem(page, `import.map.${nameAt}`);
  await shot(page, "mapping-3-field-list");
  await clickItem(page, "import.map.option.ten_nganh");
  await page.waitForFunction(
    (c) => window.hemis.state().pendingImport.columns[c].field === "ten_nganh", nameAt,
    { timeout: 5000 });
  const p = (await page.evaluate(() => window.hemis.state())).pendingImport;
  assert.ok(!rules(p).includes("input.column_unknown:Tên ngành"));
  assert.deepEqual(await page.evaluate(() => window.hemis.counts()), before, "nothing written");
  assert.equal((await page.evaluate(() => window.hemis.state())).tabOwner, true);
  await page.close();
});
