// Starts Debian's Chromium headless through playwright-core (no downloaded browser), with
// SwiftShader WebGL2 and a fresh profile, and collects console lines and outside requests.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FLAGS = [
  "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync",
];

// `options` are extra context options (timezoneId, deviceScaleFactor, hasTouch, permissions…).
export async function launchBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "hemis-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Opens `url` in a new page, failing on any request to another host and keeping console lines.
export async function openPage(context, url) {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  page.hemisLog = [];
  page.outsideRequests = [];
  page.on("console", (m) => page.hemisLog.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => page.hemisLog.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:"))
      page.outsideRequests.push(u);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.hemis && window.hemis.ready, null, { timeout: 60000 });
  return page;
}
