// Starts the server: opens the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), applies migrations,
// seeds demo data into an empty embedded database, serves GraphQL at /graphql and the console at /.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, useDatabase, REPO_ROOT, defaultDataDir } from './db/database.ts';
import { yoga } from './yoga.ts';
import { seedDemo } from './db/seed.ts';
import { seedDemoUsers } from './modules/access/demo-users.ts';
import { startImportResumer, stopImportResumer } from './modules/import/import.service.ts';

const port = Number(process.env.PORT ?? 4000);
const url = process.env.DATABASE_URL;
const log = (msg: string) => console.log(`[server] ${msg}`);

const database = useDatabase(await openDatabase({ url, reportUrl: process.env.REPORT_DATABASE_URL || undefined, log }));
log(url ? 'database: PostgreSQL (DATABASE_URL)' : `database: embedded PGlite at ${defaultDataDir()}`);
if (!url && process.env.SEED_DEMO !== 'false') {
  const summary = await seedDemo(database, { log });
  if (!('skipped' in summary && summary.skipped)) {
    const users = await seedDemoUsers();
    log(`demo data seeded into the new embedded database (${users} demo accounts: see README)`);
  }
}

const adminDist = path.join(REPO_ROOT, 'admin', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built console; unknown paths fall back to index.html (client-side routes). */
function serveAdmin(req: http.IncomingMessage, res: http.ServerResponse): void {
  const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = path.normalize(path.join(adminDist, rel));
  if (!file.startsWith(adminDist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(adminDist, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('控制台尚未构建 / The console is not built: run `pnpm build:admin`, or open /graphql');
    return;
  }
  const immutable = rel.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  fs.createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const p = (req.url ?? '/').split('?')[0]!;
  if (p === '/graphql' || p === '/healthz' || p === '/readyz' || p.startsWith('/attachments/') || p.startsWith('/export/')) return void yoga.handle(req, res);
  serveAdmin(req, res);
});

// Keep-alive connections from a reverse proxy stay open longer than the proxy keeps them idle (nginx: 60 s), so the
// server never closes a connection at the moment the proxy sends a request on it (the proxy would answer 502).
// Node's default is 5 s: under mixed load an idle upstream socket was reused just as it closed.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

// imports a stopped server left RUNNING continue here (embedded: all of them; PostgreSQL: once their lease expires)
const resumed = await startImportResumer();
if (resumed) log(`resuming ${resumed} interrupted import job(s)`);

server.listen(port, () => log(`GraphQL: http://localhost:${port}/graphql · console: http://localhost:${port}/`));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing`);
    server.close();
    // Closing PGlite flushes its files: a clean stop never needs recovery on the next start.
    stopImportResumer()
      .catch(() => undefined)
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
