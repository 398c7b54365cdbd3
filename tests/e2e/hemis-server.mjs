// Starts the real upload server (build/native/server/hemis-server) for a browser test: a fresh
// SQLite database in a temp folder, one institution account, 127.0.0.1 on a port the server
// picks, and the built web client served from the same origin (--web).
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

import { repo, site, tempDir } from "./helpers.mjs";

export const serverBin =
  process.env.HEMIS_SERVER || resolve(repo, "build/native/server/hemis-server");

// `hemis-server admin add-institution CODE`: the token is the last line it prints.
function addInstitution(db, code) {
  const r = spawnSync(serverBin, ["admin", "add-institution", code, "--db", db, "--allow-unknown"],
                      { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`add-institution exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim().split("\n").pop().trim();
}

// Resolves once the server logs that it listens; `log` keeps its JSON log lines.
export async function startHemisServer(code) {
  const dir = tempDir("hemis-e2e-server-");
  const db = join(dir, "hemis.sqlite");
  const token = addInstitution(db, code);
  const proc = spawn(serverBin, ["--listen", "127.0.0.1:0", "--db", db, "--web", site],
                     { stdio: ["ignore", "ignore", "pipe"] });
  const log = [];
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("hemis-server did not start")), 15000);
    proc.on("exit", (status) => fail(new Error(`hemis-server exited ${status}: ${log.join("\n")}`)));
    createInterface({ input: proc.stderr }).on("line", (line) => {
      log.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.event === "listening") { clearTimeout(timer); ok(entry.port); }
      } catch { /* not a log line */ }
    });
  });
  let running = true;
  proc.on("exit", () => { running = false; });
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    log,
    // SIGTERM lets the server finish requests in flight; the database folder goes with it.
    async stop() {
      if (running) {
        const exited = new Promise((ok) => proc.once("exit", ok));
        proc.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
