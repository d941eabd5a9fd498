// A real server process (server/src/main.ts, what `npm start` runs) for tests that must restart or kill it: started
// on a free port with the given environment, ready once /readyz answers 200. Every process a test file starts is
// killed when the file ends.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll } from 'vitest';
import { REPO_ROOT } from '../../server/src/db/database.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** everything the process printed so far */
  log(): string;
}

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')));

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(env: Record<string, string>, opts: { pollMs?: number; attempts?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', VITEST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < (opts.attempts ?? 240); i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child, log: () => out };
    } catch {
      /* not yet listening */
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
  throw new Error(`server did not become ready: ${out}`);
}

/** Resolves when the process has exited (at once if it already has). */
export const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

/** SIGTERM, and wait for the process to close its database and exit. */
export async function stop(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  await done;
}
