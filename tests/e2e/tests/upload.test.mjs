// Uploading from the browser to the real hemis-server, which also serves the page: the token is
// typed on the upload screen and kept only in this browser; a package with warnings only is
// accepted and one with errors rejected; the receipt's findings are those of `hemis validate
// --json` for the same package, byte for byte, and the browser's own findings for the same data;
// a wrong token shows the 401 message; the same package twice returns the same receipt; with the
// server gone the page says the network failed.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { launchBrowser, openPage } from "../browser.mjs";
import {
  clickItem, hemisCli, press, shot, sleep, tempDir, typeText, waitForTextFocus, waitSaved,
} from "../helpers.mjs";
import { startHemisServer } from "../hemis-server.mjs";

const FILES = ["programmes.csv", "staff.csv", "learners.csv", "learner_status.csv"];
const CODE = "E2EUP";
let server, browser, page, clean, faulty, work, acceptedId, acceptedReceipt;

// A generated institution without faults whose learners get a few phone numbers that only
// warn (learner.dien_thoai.format), so the package is accepted with warnings.
function warningsOnly(dir) {
  hemisCli(["generate", "--learners", "30", "--seed", "21", "--faults", "0", "--out", dir]);
  const path = join(dir, "learners.csv");
  const lines = readFileSync(path, "utf8").split("\n");
  const phone = lines[0].split(",").indexOf("dien_thoai");
  for (const n of [2, 5, 9]) {
    assert.ok(!lines[n].includes('"'), "generated rows need no quoting");
    const cells = lines[n].split(",");
    cells[phone] = "12345";
    lines[n] = cells.join(",");
  }
  writeFileSync(path, lines.join("\n"));
}

before(async () => {
  work = tempDir("hemis-e2e-upload-");
  clean = join(work, "warnings");
  faulty = join(work, "errors");
  warningsOnly(clean);
  hemisCli(["generate", "--learners", "30", "--seed", "22", "--faults", "0.25", "--out", faulty]);
  server = await startHemisServer(CODE);
  browser = await launchBrowser();
  page = await openPage(browser.context, server.url);
  page.authorised = [];
  page.on("request", async (r) => {
    if ((await r.allHeaders()).authorization) page.authorised.push(r.url());
  });
});
after(async () => {
  await browser.close();
  await server.stop();
});

const state = () => page.evaluate(() => window.hemis.state());

async function importDir(dir) {
  for (const name of FILES) {
    const text = readFileSync(join(dir, name), "utf8");
    const r = await page.evaluate(([n, t]) => window.hemis.importCsv(n, t), [name, text]);
    assert.equal(r.committed, true, `${name} imported`);
  }
  await waitSaved(page);
  // Importing shows the imported table; come back as a person would, by the deep link.
  await page.evaluate(() => window.hemis.navigate("#/upload"));
  await sleep(200);
}

// The browser's package, which the upload sends, written to a file for the CLI.
async function browserPackage(name) {
  const text = await page.evaluate(
    (code) => window.hemis.exportPackage({ institution: code, period: "2026" }), CODE);
  const path = join(work, name);
  writeFileSync(path, text);
  return { text, path, id: JSON.parse(text).manifest.package_id };
}

// Replaces the token field's content by typing, as a person does, and leaves the field.
async function typeToken(token) {
  await clickItem(page, "upload.token");
  await waitForTextFocus(page);
  await press(page, "a", ["Control"]);
  await press(page, "Delete");
  await typeText(page, token);
  await press(page, "Enter");
}

// Presses "Upload package" and waits for the server's answer.
async function upload() {
  const before = await page.evaluate(() => window.hemis.state().lastReceipt);
  await clickItem(page, "upload.send");
  await page.waitForFunction(() => !window.hemis.state().upload.busy, null, { timeout: 30000 });
  const st = await state();
  assert.equal(st.screen, "upload");
  return { st, before };
}

// The browser validates its stored records, the server the package made from them: a package's
// records are read back under their template file names with the rows they have there, so the
// findings are the same bytes, file, row and the rows cited in duplicate messages included.
function assertSameFindings(own, receipt) {
  assert.equal(JSON.stringify(own), JSON.stringify(receipt));
}

test("a wrong token is refused with the 401 message and nothing is stored", async () => {
  await importDir(clean);
  await browserPackage("warnings.json");  // saves the institution profile, as Settings does
  await typeToken("hemis_not-a-real-token");
  const { st } = await upload();
  assert.equal(st.lastReceipt, null);
  assert.ok(st.upload.error, JSON.stringify(st.notice));
  assert.equal(st.upload.error.status, 401);
  assert.equal(st.upload.error.code, "invalid_token");
  assert.match(st.upload.error.message, /Mã truy cập không đúng/);
  assert.ok(st.upload.error.text.startsWith("Mã truy cập không được chấp nhận."),
            st.upload.error.text);
  assert.ok(st.upload.error.text.includes(st.upload.error.message));
  await shot(page, "upload-1-wrong-token");

  await clickItem(page, "upload.forget");
  assert.equal((await state()).upload.hasToken, false);
  assert.equal(await page.evaluate(() => localStorage.getItem("hemis.token")), null);
});

test("warnings only: accepted, findings equal the CLI's and the browser's, byte for byte",
     async () => {
  const pkg = await browserPackage("warnings.json");
  const cliPack = join(work, "warnings-cli.json");
  hemisCli(["pack", clean, "--institution", CODE, "--period", "2026", "-o", cliPack], [0]);
  assert.equal(pkg.text, readFileSync(cliPack, "utf8"), "the browser packs as hemis pack does");

  await typeToken(server.token);
  assert.equal(await page.evaluate(() => localStorage.getItem("hemis.token")), server.token);
  const { st } = await upload();
  assert.equal(st.upload.error, null);
  const receipt = st.lastReceipt;
  assert.equal(receipt.status, "accepted");
  assert.equal(receipt.package_id, pkg.id);
  acceptedId = pkg.id;
  acceptedReceipt = receipt;
  assert.equal(receipt.institution, CODE);
  assert.equal(receipt.errors, 0);
  assert.equal(receipt.warnings, 3);
  assert.equal(receipt.revalidated_with_newer_rulebook, false);
  assert.deepEqual(receipt.counts, st.counts);
  const total = Object.values(receipt.counts).reduce((a, b) => a + b, 0);
  assert.deepEqual(receipt.merged, { applied: total, kept: 0 }, "a first upload writes every record");
  await shot(page, "upload-2-accepted");

  // The receipt's verdict is `hemis validate PACKAGE --json`: compared as JSON text, and the
  // server's own bytes (fetched as the browser's request was) end with the CLI's bytes.
  const cliText = hemisCli(["validate", pkg.path, "--json"], [0]);
  const cli = JSON.parse(cliText);
  assert.equal(JSON.stringify(receipt.findings.findings), JSON.stringify(cli.findings));
  assert.equal(JSON.stringify(receipt.findings), JSON.stringify(cli));
  const raw = await (await fetch(`${server.url}api/v1/packages/${pkg.id}`, {
    headers: { Authorization: `Bearer ${server.token}` },
  })).text();
  assert.ok(raw.endsWith(`,"findings":${cliText.replace(/\n$/, "")}}\n`), raw.slice(-200));
  assert.deepEqual(cli.findings.map((f) => f.rule),
                   ["learner.dien_thoai.format", "learner.dien_thoai.format",
                    "learner.dien_thoai.format"]);

  // The browser's own validation is `hemis validate DIR --json` byte for byte, and says what the
  // receipt says about every record, field and value.
  const dirText = hemisCli(["validate", clean, "--json"], [0]);
  assert.equal(await page.evaluate(() => window.hemis.validateText()), dirText);
  const own = await page.evaluate(() => window.hemis.validate());
  assertSameFindings(own.findings, receipt.findings.findings);

  // The token went only to this server, in the upload's Authorization header.
  assert.ok(page.authorised.length >= 2);
  for (const url of page.authorised) assert.ok(url.startsWith(`${server.url}api/v1/`), url);
  assert.deepEqual(page.outsideRequests, []);
});

test("the same package twice returns the same receipt, still shown after other screens",
     async () => {
  const first = (await state()).lastReceipt;
  const { st } = await upload();
  assert.equal(st.upload.error, null);
  assert.deepEqual(st.lastReceipt, first, "the original receipt, received_at included");
  await page.evaluate(() => { location.hash = "#/report"; });
  await sleep(300);
  await page.evaluate(() => { location.hash = "#/upload"; });
  await sleep(300);
  assert.deepEqual((await state()).lastReceipt, first);
  assert.equal(server.log.filter((l) => l.includes('"outcome":"duplicate"')).length, 1);
});

test("errors: rejected, with the CLI's findings for the same package", async () => {
  await importDir(faulty);
  const pkg = await browserPackage("errors.json");
  const { st } = await upload();
  const receipt = st.lastReceipt;
  assert.equal(receipt.status, "rejected");
  assert.equal(receipt.package_id, pkg.id);
  const cliText = hemisCli(["validate", pkg.path, "--json"], [1]);
  const cli = JSON.parse(cliText);
  assert.ok(cli.summary.errors > 0);
  assert.equal(receipt.errors, cli.summary.errors);
  assert.equal(JSON.stringify(receipt.findings), JSON.stringify(cli));
  const own = await page.evaluate(() => window.hemis.validate());
  assertSameFindings(own.findings, receipt.findings.findings);
  await sleep(200);
  await shot(page, "upload-3-rejected");

  // This institution's receipts on the server: the accepted and the rejected package.
  await clickItem(page, "upload.history");
  await page.waitForFunction(() => window.hemis.state().upload.history, null, { timeout: 10000 });
  const history = (await state()).upload.history;
  assert.deepEqual(history.map((h) => `${h.package_id} ${h.status}`).sort(),
                   [`${acceptedId} accepted`, `${pkg.id} rejected`].sort());
  await shot(page, "upload-4-history");

  // Choosing the accepted package in the list shows its receipt again (GET /api/v1/packages/ID).
  const index = history.findIndex((h) => h.package_id === acceptedId);
  await clickItem(page, `upload.history.${index}`);
  await page.waitForFunction((id) => window.hemis.state().lastReceipt.package_id === id,
                             acceptedId, { timeout: 10000 });
  assert.deepEqual((await state()).lastReceipt, acceptedReceipt);
});

test("with the server stopped, the page says the network failed", async () => {
  await server.stop();
  const { st } = await upload();
  assert.equal(st.upload.error.status, 0);
  assert.ok(st.upload.error.text.startsWith("Không kết nối được tới máy chủ"),
            st.upload.error.text);
  await shot(page, "upload-5-network");
});
