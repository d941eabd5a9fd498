// Browser tests' world: builds the console, starts the real server on a free port with a fresh embedded
// database (it seeds the demo data and the demo accounts of README.md), and stops it afterwards.
// Screenshots and the server's log go to test-results/e2e/ (kept by CI as artifacts).
// E2E_SKIP_BUILD=1 reuses an existing admin/dist (when iterating on tests only).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
    export interface ProvidedContext {
        baseURL: string;
    }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}

async function waitUntilReady(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (server.exitCode != null) throw new Error(`the server exited with code ${server.exitCode}; see ${RESULTS_DIR}/server.log`);
        try {
            const response = await fetch(`${url}/readyz`);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`the server was not ready within ${timeoutMs / 1000} s; see ${RESULTS_DIR}/server.log`);
}

/** `pnpm build:admin`, unless E2E_SKIP_BUILD=1; the server serves admin/dist as soon as it exists. */
async function buildConsole(timings: Record<string, number>): Promise<void> {
    if (process.env.E2E_SKIP_BUILD !== '1') {
        const started = Date.now();
        // NODE_ENV: vitest sets `test`, which would make Vite bundle React's development build.
        const build = spawn('pnpm', ['build:admin'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        build.stdout.on('data', chunk => (output += chunk));
        build.stderr.on('data', chunk => (output += chunk));
        const status = await new Promise<number | null>(resolve => build.on('close', resolve));
        fs.writeFileSync(path.join(RESULTS_DIR, 'build.log'), output);
        if (status !== 0) throw new Error(`pnpm build:admin failed; see ${RESULTS_DIR}/build.log`);
        timings.buildMs = Date.now() - started;
    }
    if (!fs.existsSync(path.join(ROOT, 'admin', 'dist', 'index.html'))) throw new Error('admin/dist is missing: run pnpm build:admin');
}

export default async function setup(project: TestProject) {
    fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const timings: Record<string, number> = {};

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-e2e-'));
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const log = fs.openSync(path.join(RESULTS_DIR, 'server.log'), 'w');
    // Always the embedded database, even where DATABASE_URL points at PostgreSQL (CI): the server seeds the
    // demo data and accounts only into a new embedded database.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dataDir, 'pglite'), PORT: String(port), SEED_DEMO: 'true' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const started = Date.now();
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', log, log] });
    try {
        // The console builds while the new database is created and seeded (the slower of the two).
        await Promise.all([buildConsole(timings), waitUntilReady(baseURL, server, 120_000)]);
    } catch (error) {
        server.kill('SIGTERM');
        throw error;
    }
    timings.serverStartMs = Date.now() - started;
    fs.writeFileSync(path.join(RESULTS_DIR, 'timings.json'), JSON.stringify(timings, null, 2));
    project.provide('baseURL', baseURL);

    return async () => {
        if (server.exitCode == null) {
            const exited = new Promise(resolve => server.once('exit', resolve));
            server.kill('SIGTERM');
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 10_000))]);
            if (server.exitCode == null) server.kill('SIGKILL');
        }
        fs.closeSync(log);
        fs.rmSync(dataDir, { recursive: true, force: true });
    };
}
