// Vitest environment for the console's component tests: vitest's jsdom environment, made to load on Node 20.
// The installed jsdom (31) and its undici (8) declare Node ≥ 22 and use four things Node 20 lacks: the global
// `Iterator` with its helpers (ES2025), `Promise.withResolvers`, `worker_threads.markAsUncloneable`, and zlib's zstd
// decoder. They are
// supplied here, only where missing, before jsdom loads; nothing in the tests uses zstd or structured cloning of
// undici objects. The window's own script realm (a vm context) does not get the `Iterator` polyfill, so jsdom is
// told not to install it there (no test script runs inside the window). On Node ≥ 22 (or with a jsdom that supports
// Node 20) this is plain jsdom.
// The admin project of vitest.config.ts runs in it.
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Environment } from 'vitest/runtime';
import { builtinEnvironments } from 'vitest/runtime';

const require = createRequire(import.meta.url);

function supplyNode22Features(): void {
    const zlib = require('node:zlib') as Record<string, unknown> & { constants: Record<string, number> };
    if (!zlib.createZstdDecompress) {
        zlib.createZstdDecompress = () => {
            throw new Error('zstd is not available on this Node version');
        };
        zlib.constants.ZSTD_d_windowLogMax ??= 100;
    }
    const workers = require('node:worker_threads') as Record<string, unknown>;
    if (!workers.markAsUncloneable) workers.markAsUncloneable = () => undefined;
    const promise = Promise as unknown as { withResolvers?: () => unknown };
    promise.withResolvers ??= () => {
        let resolve!: (value: unknown) => void;
        let reject!: (reason: unknown) => void;
        const p = new Promise((res, rej) => ((resolve = res), (reject = rej)));
        return { promise: p, resolve, reject };
    };
    if (typeof (globalThis as { Iterator?: unknown }).Iterator !== 'undefined') return;

    type Fn = (value: unknown, index: number) => unknown;
    const proto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as Record<string, unknown>;
    const each = function* (self: Iterator<unknown>) {
        for (let step = self.next(); !step.done; step = self.next()) yield step.value;
    };
    const helpers: Record<string, (this: Iterator<unknown>, ...args: never[]) => unknown> = {
        *map(f: Fn) {
            let i = 0;
            for (const x of each(this)) yield f(x, i++);
        },
        *filter(f: Fn) {
            let i = 0;
            for (const x of each(this)) if (f(x, i++)) yield x;
        },
        *flatMap(f: Fn) {
            let i = 0;
            for (const x of each(this)) yield* f(x, i++) as Iterable<unknown>;
        },
        *take(n: number) {
            let i = 0;
            if (n <= 0) return;
            for (const x of each(this)) {
                yield x;
                if (++i >= n) return;
            }
        },
        *drop(n: number) {
            let i = 0;
            for (const x of each(this)) if (i++ >= n) yield x;
        },
        toArray() {
            return [...each(this)];
        },
        forEach(f: Fn) {
            let i = 0;
            for (const x of each(this)) f(x, i++);
        },
        some(f: Fn) {
            let i = 0;
            for (const x of each(this)) if (f(x, i++)) return true;
            return false;
        },
        every(f: Fn) {
            let i = 0;
            for (const x of each(this)) if (!f(x, i++)) return false;
            return true;
        },
        find(f: Fn) {
            let i = 0;
            for (const x of each(this)) if (f(x, i++)) return x;
            return undefined;
        },
        reduce(f: (acc: unknown, value: unknown, index: number) => unknown, ...init: unknown[]) {
            let i = 0;
            let first = init.length === 0;
            let acc = init[0];
            for (const x of each(this)) {
                if (first) (acc = x), (first = false);
                else acc = f(acc, x, i);
                i++;
            }
            return acc;
        },
    };
    for (const [name, fn] of Object.entries(helpers)) if (!(name in proto)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    function Iterator() {}
    Iterator.prototype = proto;
    Iterator.from = (it: Iterable<unknown> | Iterator<unknown>) => (Symbol.iterator in it ? (it as Iterable<unknown>)[Symbol.iterator]() : it);
    Object.defineProperty(proto, 'constructor', { value: Iterator, writable: true, configurable: true });
    (globalThis as { Iterator?: unknown }).Iterator = Iterator;
    // jsdom copies each JS global of its list from a fresh vm context into the window; that context has no Iterator.
    const jsGlobals = require(path.join(path.dirname(require.resolve('jsdom')), 'generated', 'js-globals.json')) as Record<string, unknown>;
    delete jsGlobals.Iterator;
}

supplyNode22Features();

const environment: Environment = { ...builtinEnvironments.jsdom, name: 'jsdom-node20' };
export default environment;
