// Importing an Excel workbook: a hand-made .xlsx (xlsx-writer.mjs) chosen on the import screen is
// previewed with the spreadsheet's own row numbers and the CLI's findings for the same rows as
// CSV; after confirming, date serials are dd/mm/yyyy dates with no time-zone drift (the browser
// runs in Los Angeles, where local midnight is the previous day in UTC) and text ids keep their
// leading zeros.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { hemisCli, session, shot, tempDir } from "../helpers.mjs";
import { excelSerial, writeXlsx } from "../xlsx-writer.mjs";

const HEADER = hemisCli(["template", "learner"]).trim().split(",");

// Each learner as spreadsheet cells in template order, and as the CSV line a person would save
// from Excel. Fields not given stay empty.
function learner(id, cccd, name, born, ethnic, email) {
  const [d, m, y] = born;
  const dd = (n) => String(n).padStart(2, "0");
  const values = {
    ma_nguoi_hoc: [id, id], so_dinh_danh: [cccd, cccd], ho_ten: [name, name],
    ngay_sinh: [{ date: excelSerial(y, m, d) }, `${dd(d)}/${dd(m)}/${y}`],
    gioi_tinh: ["Nam", "Nam"], ma_dan_toc: [ethnic, ethnic], ma_quoc_tich: ["VN", "VN"],
    ma_nganh: [{ number: 7480201 }, "7480201"], nam_nhap_hoc: [{ number: 2021 }, "2021"],
    ngay_nhap_hoc: [{ date: excelSerial(2021, 9, 5) }, "05/09/2021"],
    trang_thai: ["dang_hoc", "dang_hoc"], dien_thoai: ["0912345678", "0912345678"],
    email: [{ inline: email }, email],
  };
  const pick = (i) => HEADER.map((f) => (values[f] ? values[f][i] : i ? "" : null));
  return { cells: pick(0), csv: pick(1).join(",") };
}

// Row 3 is left empty and row 5 carries faults (an unknown ethnic code and a broken e-mail), so
// the report must name spreadsheet row 5, not the fourth line of a packed list.
const ROWS = [
  { row: 2, ...learner("SV001", "001203012345", "Lê Văn Bình", [5, 3, 2003], "01", "binh@example.edu.vn") },
  { row: 4, ...learner("SV002", "001205012346", "Đỗ Minh", [31, 12, 2005], "01", "minh@example.edu.vn") },
  { row: 5, ...learner("SV003", "001204012347", "Phạm Thu", [1, 1, 2004], "99", "thu@") },
];

let s, dir;
before(async () => {
  s = await session({ timezoneId: "America/Los_Angeles" });
  dir = tempDir("hemis-e2e-xlsx-");
  const sheet = [{ row: 1, cells: HEADER }, ...ROWS.map(({ row, cells }) => ({ row, cells }))];
  writeFileSync(join(dir, "learners.xlsx"), writeXlsx("Người học", sheet));
  // The same sheet as Excel would save it as CSV: line numbers equal row numbers.
  const lines = [HEADER.join(","), "", ...ROWS.map((r) => r.csv)];
  writeFileSync(join(dir, "learners.csv"), lines.join("\n") + "\n");
});
after(async () => { await s.close(); });

const key = (f) => `${f.rule}|${f.row}|${f.column}|${f.field}|${f.value}`;

test("an .xlsx file is previewed with the sheet's row numbers and the CLI's findings", async () => {
  const page = await s.open("#/import");
  assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
               "America/Los_Angeles");
  await page.setInputFiles("#hemis-file", join(dir, "learners.xlsx"));
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 15000 });
  const p = (await page.evaluate(() => window.hemis.state())).pendingImport;
  assert.equal(p.entity, "learner");
  assert.equal(p.rows, 3);
  assert.equal(p.columns.length, HEADER.length);
  assert.deepEqual(p.columns.slice(0, 4).map((c) => c.field),
                   ["ma_nguoi_hoc", "so_dinh_danh", "ho_ten", "ngay_sinh"]);
  const rows = [...new Set(p.findings.map((f) => f.row))].sort();
  assert.ok(rows.includes(5), `a finding names spreadsheet row 5 (rows: ${rows})`);
  assert.ok(p.findings.some((f) => f.row === 5 && f.field === "email"));

  const cli = JSON.parse(hemisCli(["validate", join(dir, "learners.csv"), "--json"]));
  assert.deepEqual(p.findings.map(key), cli.findings.map(key));
  assert.equal((await page.evaluate(() => window.hemis.counts())).learner, 0, "nothing written yet");
  await shot(page, "xlsx-1-preview");
  assert.deepEqual(page.outsideRequests, []);
  await page.close();
});

test("confirmed rows keep leading zeros and dates without time-zone drift", async () => {
  const page = await s.open("#/import");
  await page.setInputFiles("#hemis-file", join(dir, "learners.xlsx"));
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 15000 });
  const r = await page.evaluate(() => window.hemis.confirmImport());
  assert.equal(r.committed, true, JSON.stringify(r).slice(0, 300));
  assert.equal((await page.evaluate(() => window.hemis.counts())).learner, 3);
  const first = await page.evaluate(() => window.hemis.record("learner", "SV001"));
  assert.equal(first.so_dinh_danh, "001203012345");
  assert.equal(first.ngay_sinh, "05/03/2003");
  assert.equal(first.ngay_nhap_hoc, "05/09/2021");
  assert.equal(first.ma_nganh, "7480201");
  assert.equal(first.nam_nhap_hoc, "2021");
  assert.equal(first.dien_thoai, "0912345678");
  const second = await page.evaluate(() => window.hemis.record("learner", "SV002"));
  assert.equal(second.ngay_sinh, "31/12/2005");
  assert.equal(second.ho_ten, "Đỗ Minh");
  await page.close();
});

test("a file that is not a workbook is reported and nothing is written", async () => {
  const page = await s.open("#/import");
  const bad = join(dir, "broken.xlsx");
  writeFileSync(bad, "this is not a zip archive");
  const before = await page.evaluate(() => window.hemis.counts());
  await page.setInputFiles("#hemis-file", bad);
  await page.waitForFunction(() => window.hemis.state().notice.error, null, { timeout: 15000 });
  const state = await page.evaluate(() => window.hemis.state());
  assert.match(state.notice.text, /broken\.xlsx/);
  assert.equal(state.importProgress, null);
  assert.equal(state.pendingImport, null);
  assert.deepEqual(state.counts, before);
  await shot(page, "xlsx-2-broken");
  await page.close();
});

// The workbook is read off the page's thread in the site's own xlsx-worker.js, and the reader
// inflates it in a further worker from a blob: URL; the page's Content-Security-Policy must allow
// both, and the result must still match the CLI's findings.
test("a 20 000-row workbook imports with the CLI's findings for the same rows", async () => {
  const big = tempDir("hemis-e2e-xlsx-big-");
  hemisCli(["generate", "--learners", "20000", "--seed", "8", "--faults", "0.02", "--out", big]);
  const lines = readFileSync(join(big, "learners.csv"), "utf8").trimEnd().split("\n");
  const rows = lines.map((line, i) => ({
    row: i + 1, cells: line.split(",").map((c) => (c === "" ? null : { inline: c })),
  }));
  writeFileSync(join(big, "learners.xlsx"), writeXlsx("Sheet1", rows));
  const page = await s.open("#/import");
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.setInputFiles("#hemis-file", join(big, "learners.xlsx"));
  await page.waitForFunction(() => window.hemis.state().pendingImport, null, { timeout: 90000 });
  const p = (await page.evaluate(() => window.hemis.state())).pendingImport;
  assert.equal(p.rows, 20000);
  const cli = JSON.parse(hemisCli(["validate", join(big, "learners.csv"), "--json"]));
  assert.deepEqual(p.findings.map(key), cli.findings.map(key));
  const ours = (u) => u === new URL("xlsx-worker.js", page.url()).href || u.startsWith("blob:");
  assert.ok(workers.some((u) => u.endsWith("/xlsx-worker.js")), `${workers}`);
  assert.ok(workers.every(ours), `${workers}`);
  assert.deepEqual(page.outsideRequests, []);
  await page.close();
});
