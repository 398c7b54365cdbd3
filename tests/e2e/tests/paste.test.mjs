// Paste: a cell copied from a spreadsheet (with its trailing CR/LF) goes into the focused field
// without the line break; several cells pasted on a table open an import preview, unsaved.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { session, shot, sleep, waitForTextFocus } from "../helpers.mjs";

let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

async function paste(page, selector, text) {
  await page.evaluate(([sel, t]) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    document.querySelector(sel).dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, [selector, text]);
  await sleep(300);
}

test("a pasted spreadsheet cell loses its trailing line break", async () => {
  const page = await s.open("#/form/learner/new");
  await waitForTextFocus(page);
  await paste(page, "#hemis-text", "SV7000001\r\n");
  const form = await page.evaluate(() => window.hemis.form());
  assert.equal(form.values[0], "SV7000001");
  await page.close();
});

test("rows pasted on a table open as an import preview and write nothing", async () => {
  const page = await s.open("#/table/programme");
  const rows = "7480201\tCông nghệ thông tin\t7\t1\t1\tnew\t2026-09-15T08:00:00+07:00\r\n" +
               "7340101\tQuản trị kinh doanh\t7\t1\t1\tnew\t2026-09-15T08:00:00+07:00\r\n";
  await paste(page, "body", rows);
  const state = await page.evaluate(() => window.hemis.state());
  assert.equal(state.pendingImport.entity, "programme");
  assert.equal(state.pendingImport.rows, 2);
  assert.equal(state.counts.programme, 0);
  await shot(page, "paste-1-rows-preview");
});
