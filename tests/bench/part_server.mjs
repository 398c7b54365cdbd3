// Part 5, the upload server (build/native/server/hemis-server). Its HTTP API is not written down
// yet (server/ has no README or sources in this tree), so this part only reports why it cannot
// run rather than guessing endpoints; figures stay null until the server and its API exist.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const SERVER = path.join(ROOT, 'build/native/server/hemis-server');
const API_DOC = path.join(ROOT, 'server/README.md');

export async function measureServer() {
  if (!fs.existsSync(SERVER)) return { unavailable: 'hemis-server not built (server/ not written yet)' };
  if (!fs.existsSync(API_DOC)) return { unavailable: 'hemis-server has no documented API (server/README.md) to drive' };
  return { unavailable: 'server part not written yet against server/README.md' };
}
