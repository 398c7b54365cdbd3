// A tiny static file server for the built web client (build/web/wasm/site), bound to 127.0.0.1
// on a free port. Used by the browser tests until the real server serves the client.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".data": "application/octet-stream",
  ".json": "application/json",
};

// Resolves `url` inside `root`, refusing anything that climbs out of it.
function resolvePath(root, url) {
  const path = decodeURIComponent(new URL(url, "http://127.0.0.1").pathname);
  const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
  return file.startsWith(normalize(root) + sep) ? file : null;
}

export async function startServer(root) {
  const server = createServer(async (req, res) => {
    const file = resolvePath(root, req.url);
    try {
      if (!file) throw new Error("outside root");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream",
                           "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

// `node server.mjs DIR` serves DIR until interrupted and prints the address.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || ".";
  const { url } = await startServer(root);
  console.log(`serving ${root} at ${url}`);
}
