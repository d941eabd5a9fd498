// The pieces the multi-server scripts share (bench/load.ts, bench/concurrency.ts, bench/faults.ts): a fresh
// PostgreSQL database, server processes started with production settings and waited for on /readyz (stopped with
// SIGTERM or killed with SIGKILL), a round-robin proxy on loopback, a GraphQL client with sign-in that records every
// request, latency percentiles, and the audit chain verified on a database.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, REPO_ROOT, useDatabase } from '../server/src/db/database.ts';
import { verifyAuditChain, type ChainReport } from '../server/src/modules/audit/audit.service.ts';

// ── command line ──
/** `--name value` from argv, or the default. */
export function option(name: string, dflt: string, args = process.argv.slice(2)): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
}

export const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// ── databases ──
/** The PostgreSQL the scripts use: DATABASE_URL, else the machine's PostgreSQL. */
export const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** The same server, another database. */
export const dbUrl = (name: string, base = BASE_URL) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();

/** Runs one statement on the maintenance database `postgres` of the server at `base`. */
export async function adminSql(sql: string, base = BASE_URL): Promise<void> {
  const c = new pg.Client({ connectionString: dbUrl('postgres', base) });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Drops (if it exists) and creates database `name`; returns its URL. Names are the caller's own. */
export async function freshDatabase(name: string, base = BASE_URL): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe database name: ${name}`);
  await adminSql(`drop database if exists ${name} with (force)`, base);
  await adminSql(`create database ${name}`, base);
  return dbUrl(name, base);
}

export async function dropDatabase(name: string, base = BASE_URL): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe database name: ${name}`);
  await adminSql(`drop database if exists ${name} with (force)`, base);
}

/** Recomputes the audit hash chain of the database at `url` (a separate, unmigrated connection). */
export async function verifyAudit(url: string): Promise<ChainReport> {
  const auditDb = useDatabase(await openDatabase({ url, migrate: false, poolSize: 2 }));
  try {
    return await verifyAuditChain();
  } finally {
    await auditDb.close();
  }
}

// ── server processes ──
/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerOptions {
  port: number;
  /** PostgreSQL; without it the server runs embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** how long to wait for /readyz 200 (default 120 s) */
  readyTimeoutMs?: number;
}

/** GET a path of a server on loopback: status and body (or status 0 when nothing answers). */
export function probe(port: number, urlPath = '/readyz', timeoutMs = 5000): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 }));
      res.on('error', () => resolve({ status: 0, body, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: e.message, ms: performance.now() - t0 }));
  });
}

/** One server process (server/src/main.ts, NODE_ENV=production) and everything it printed. */
export class ServerProcess {
  output = '';
  readonly exited: Promise<number | null>;
  constructor(
    readonly port: number,
    readonly child: ChildProcess,
  ) {
    child.stdout!.on('data', (b: Buffer) => (this.output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (this.output += b.toString()));
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
  }
  get running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
  /** Polls /readyz until 200; rejects when the process exits or the time is up. */
  async waitReady(timeoutMs = 120_000): Promise<number> {
    const t0 = Date.now();
    for (;;) {
      const r = await probe(this.port, '/readyz', 2000);
      if (r.status === 200) return Date.now() - t0;
      if (!this.running || Date.now() - t0 > timeoutMs) throw new Error(`server ${this.port} did not start:\n${this.output}`);
      await new Promise((res) => setTimeout(res, 300));
    }
  }
  /** SIGTERM (the server closes its database) and wait for the exit. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
  /** SIGKILL: no clean-up of any kind, like a power cut of the process. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Starts one server (production settings, LOG_LEVEL=warn, behind a proxy) and waits until /readyz answers 200. */
export async function startServer(o: ServerOptions): Promise<ServerProcess> {
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(o.port), NODE_ENV: 'production', LOG_LEVEL: 'warn', TRUST_PROXY: 'true', VITEST: '' };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  else {
    delete env.DATABASE_URL;
    if (o.dataDir) env.DATA_DIR = o.dataDir;
  }
  Object.assign(env, o.env ?? {});
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'src', 'main.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = new ServerProcess(o.port, child);
  await server.waitReady(o.readyTimeoutMs);
  return server;
}

// ── proxy ──
/** Round robin over the servers, like a proxy on loopback would do (keep-alive to each upstream). */
export function startProxy(listenPort: number, upstreamPorts: number[]): Promise<http.Server> {
  // Idle upstream sockets are closed after 30 s, before the server's own keep-alive timeout (65 s, server/src/main.ts)
  // would close them under a request in flight: nginx's upstream keepalive_timeout (60 s) plays the same part.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = upstreamPorts[next++ % upstreamPorts.length]!;
    const up = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': '127.0.0.1' }, agent }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', (e: NodeJS.ErrnoException) => {
      // (like a proxy's 502 page: the upstream's socket error, never the server's body)
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: upstream ${port}: ${e.code ?? e.message}${up.reusedSocket ? ' (reused keep-alive socket)' : ''}`);
    });
    req.pipe(up);
  });
  server.on('close', () => agent.destroy());
  return new Promise((r) => server.listen(listenPort, '127.0.0.1', () => r(server)));
}

// ── GraphQL client ──
export interface GqlError {
  message: string;
  extensions?: { code?: string; reason?: string; [k: string]: unknown };
}
export interface GqlResponse<T = any> {
  status: number;
  data: T | null;
  errors: GqlError[];
  /** the text when the body was not JSON, or the transport error */
  text: string;
  ms: number;
  setCookie?: string;
}
export interface Sample {
  kind: string;
  ms: number;
  ok: boolean;
}

/**
 * Sends GraphQL over keep-alive HTTP to one port (a server or the proxy). `request` returns everything about one
 * call; `gql` is the load script's form: it records a sample per call and a failure per error, and returns data or null.
 */
export class GraphQLClient {
  readonly agent: http.Agent;
  readonly samples: Sample[] = [];
  readonly failures: string[] = [];
  constructor(
    readonly port: number,
    maxSockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  post(body: string, cookie?: string, headers: Record<string, string> = {}, port = this.port, timeoutMs = 0): Promise<{ status: number; text: string; setCookie?: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, setCookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
          res.on('error', reject);
        },
      );
      if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** One call; never throws (a transport error is status 0 with the message in `text`). */
  async request<T = any>(query: string, variables: Record<string, unknown> = {}, o: { cookie?: string; requestId?: string; port?: number; timeoutMs?: number } = {}): Promise<GqlResponse<T>> {
    const t0 = performance.now();
    try {
      const r = await this.post(JSON.stringify({ query, variables }), o.cookie, o.requestId ? { 'x-request-id': o.requestId } : {}, o.port, o.timeoutMs);
      let body: { data?: T; errors?: GqlError[] } | null = null;
      try {
        body = JSON.parse(r.text);
      } catch {
        body = null;
      }
      return { status: r.status, data: (body?.data ?? null) as T | null, errors: body?.errors ?? [], text: body ? '' : r.text, ms: performance.now() - t0, setCookie: r.setCookie };
    } catch (e) {
      return { status: 0, data: null, errors: [], text: (e as Error).message, ms: performance.now() - t0 };
    }
  }

  async gql<T = any>(kind: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T | null> {
    const t0 = performance.now();
    let ok = false;
    try {
      const r = await this.post(JSON.stringify({ query, variables }), cookie);
      let body: { data?: T; errors?: { message: string }[] };
      try {
        body = JSON.parse(r.text) as typeof body;
      } catch {
        this.failures.push(`${kind}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
        return null;
      }
      ok = r.status === 200 && !body.errors?.length;
      if (!ok) this.failures.push(`${kind}: HTTP ${r.status} ${JSON.stringify(body.errors ?? r.text).slice(0, 300)}`);
      return ok ? (body.data as T) : null;
    } catch (e) {
      this.failures.push(`${kind}: ${(e as Error).message}`);
      return null;
    } finally {
      this.samples.push({ kind, ms: performance.now() - t0, ok });
    }
  }

  /** Signs in; returns the session cookie (`name=value`). */
  async login(username: string, password: string, port = this.port): Promise<string> {
    const r = await this.post(JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt } }', variables: { u: username, p: password } }), undefined, {}, port);
    if (!r.setCookie) throw new Error(`login ${username} failed: ${r.text}`);
    return r.setCookie;
  }

  close() {
    this.agent.destroy();
  }
}

// ── figures ──
/** The p-th percentile (nearest rank, sorts in place). */
export const percentile = (xs: number[], p: number) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
export const median = (xs: number[]) => percentile(xs, 50);
