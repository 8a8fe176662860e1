import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoDatabase } from './demo-database';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-'));
const { databasePath, sessionSecret, organiserCookie } = await demoDatabase(dir, 'p.db');
const env = { ...process.env, NODE_ENV: 'production', PORT: '3998', DATABASE_PATH: databasePath, UPLOADS_DIR: path.join(dir, 'u'), SESSION_SECRET: sessionSecret, LOG_LEVEL: 'warn' };
const child = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });
for (;;) { try { if ((await fetch('http://127.0.0.1:3998/healthz')).ok) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
for (const p of process.argv.slice(2)) {
  const html = await (await fetch('http://127.0.0.1:3998' + p, { headers: { Cookie: organiserCookie } })).text();
  const file = '/tmp/page' + p.replaceAll('/', '_') + '.html';
  fs.writeFileSync(file, html);
  console.log(p, html.length, file);
}
fs.writeFileSync('/tmp/cookie.txt', organiserCookie + '\n' + databasePath + '\n' + sessionSecret);
child.kill();
