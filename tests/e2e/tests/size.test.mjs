// Download size: every file the page fetches from its own origin until the client is ready,
// measured raw and gzip-compressed (level 9, as a server would send it), stays under 1.5 MB
// gzip in total. The XLSX reader is fetched only when a workbook is opened and is listed apart.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { after, before, test } from "node:test";

import { session, site } from "../helpers.mjs";

const BUDGET_GZIP = 1.5e6;
let s;
before(async () => { s = await session(); });
after(async () => { await s.close(); });

function measure(name) {
  const body = readFileSync(join(site, name));
  return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

test("the page downloads under 1.5 MB gzip before it is ready", async (t) => {
  const context = s.browser.context;
  const fetched = new Set();
  const onRequest = (r) => {
    const path = new URL(r.url()).pathname.replace(/^\//, "") || "index.html";
    if (r.url().startsWith(s.server.url)) fetched.add(path);
  };
  context.on("request", onRequest);
  const page = await s.open();
  context.off("request", onRequest);
  const files = [...fetched].sort().map(measure);
  for (const f of [...files, measure("read-excel-file.min.js")])
    t.diagnostic(`${f.name}: ${f.raw} bytes, ${f.gzip} gzip`);
  const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }),
                             { raw: 0, gzip: 0 });
  t.diagnostic(`total at start: ${total.raw} bytes, ${total.gzip} gzip`);
  for (const needed of ["hemis.wasm", "hemis.js", "hemis.data"])
    assert.ok(fetched.has(needed), `${needed} is fetched`);
  assert.ok(!fetched.has("read-excel-file.min.js"), "the XLSX reader waits until it is needed");
  assert.ok(total.gzip < BUDGET_GZIP, `total ${total.gzip} gzip bytes`);
  assert.deepEqual(page.outsideRequests, []);
});
