// Shared helpers for the browser tests: where the builds are, running the CLI, starting the
// server and browser, and typing the way a person does (keys held long enough for ImGui, which
// samples key state once per frame; IME composition through Chromium's DevTools input domain).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { launchBrowser, openPage } from "./browser.mjs";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
export const site = process.env.HEMIS_SITE || join(repo, "build/web/wasm/site");
export const cli = process.env.HEMIS_CLI || join(repo, "build/native/cli/hemis");
export const artifacts = join(repo, "test-artifacts/e2e");
mkdirSync(artifacts, { recursive: true });

// Runs the CLI; exit status 1 means "ran, found errors", which tests expect for faulty data.
export function hemisCli(args, okStatus = [0, 1]) {
  const r = spawnSync(cli, args, { encoding: "utf8" });
  if (!okStatus.includes(r.status)) {
    throw new Error(`hemis ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return r.stdout;
}

// Waits until the last change has been written to IndexedDB.
export async function waitSaved(page) {
  await page.waitForFunction(() => !window.hemis.state().saving, null, { timeout: 10000 });
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

// A server and a browser with a fresh profile for one test file; `options` go to the browser
// context (see browser.mjs).
export async function session(options = {}) {
  const server = await startServer(site);
  const browser = await launchBrowser(options);
  return {
    server,
    browser,
    open: (path = "") => openPage(browser.context, server.url + path),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// Presses `key` (optionally with modifiers) and holds it for a few frames.
export async function press(page, key, modifiers = []) {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.down(key);
  await sleep(120);
  await page.keyboard.up(key);
  for (const m of modifiers.reverse()) await page.keyboard.up(m);
  await sleep(80);
}

export async function typeText(page, text) {
  await page.keyboard.type(text, { delay: 20 });
  await sleep(100);
}

// Types `word` as an input method does: a growing composition, then the committed text
// (compositionend), as Vietnamese Telex/VNI input reaches the page.
export async function compose(page, word) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 1; i <= word.length; ++i) {
    const partial = word.slice(0, i);
    await cdp.send("Input.imeSetComposition", {
      text: partial, selectionStart: partial.length, selectionEnd: partial.length,
    });
  }
  await cdp.send("Input.insertText", { text: word });
  await cdp.detach();
  await sleep(100);
}

// Waits until the hidden text field has focus, which means ImGui is taking text.
export async function waitForTextFocus(page) {
  await page.waitForFunction(() => document.activeElement &&
                             document.activeElement.id === "hemis-text", null, { timeout: 10000 });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

// Centre of a widget the client reports by name (window.hemis.itemRect), in CSS pixels.
export async function itemCentre(page, name) {
  await page.waitForFunction((n) => window.hemis.itemRect(n), name, { timeout: 10000 });
  const r = await page.evaluate((n) => window.hemis.itemRect(n), name);
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

// A mouse click held for a few frames, on a widget named as in itemCentre.
export async function clickItem(page, name) {
  const { x, y } = await itemCentre(page, name);
  await page.mouse.move(x, y);
  await sleep(80);
  await page.mouse.click(x, y, { delay: 120 });
  await sleep(150);
}

// A finger tap on a widget: touchstart, held about as long as a person's tap, then touchend.
export async function tapItem(page, name) {
  const { x, y } = await itemCentre(page, name);
  await tapAt(page, x, y);
}

export async function tapAt(page, x, y) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await sleep(120);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
  await sleep(150);
}
