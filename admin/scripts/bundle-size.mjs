// Prints what the console costs to load, from admin/dist (run `pnpm --filter admin build` first):
//   first load  = index.html's entry script and every chunk it imports statically (what the browser must
//                 fetch before anything shows: the sign-in page or the shell), gzipped;
//   landing     = first load + the lazily loaded dashboard and its static imports (what a signed-in user
//                 fetches before the work queue shows).
// Usage: node admin/scripts/bundle-size.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('no module script in dist/index.html');

const gzipSize = file => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const staticImports = file => {
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    const dir = path.dirname(file);
    // `import … from "./x.js"` and bare `import "./x.js"`; dynamic `import("./x.js")` is left out on purpose.
    return [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+)["']/g)].map(m => path.join(dir, m[1]));
};
const closure = roots => {
    const seen = new Set();
    const walk = file => {
        if (seen.has(file)) return;
        seen.add(file);
        staticImports(file).forEach(walk);
    };
    roots.forEach(walk);
    return seen;
};
const total = files => [...files].reduce((sum, file) => sum + gzipSize(file), 0);

const first = closure([entry]);
const dashboard = fs.readdirSync(path.join(dist, 'assets')).find(name => /^Dashboard-.*\.js$/.test(name));
const landing = closure([entry, ...(dashboard ? [path.join('assets', dashboard)] : [])]);
const kb = bytes => Math.round(bytes / 102.4) / 10;
const report = {
    firstLoadGzipKB: kb(total(first)),
    firstLoadFiles: first.size,
    landingGzipKB: kb(total(landing)),
    landingFiles: landing.size,
    allJsGzipKB: kb(total(fs.readdirSync(path.join(dist, 'assets')).filter(n => n.endsWith('.js')).map(n => path.join('assets', n)))),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report));
else {
    console.log(`first load (entry + static imports): ${report.firstLoadGzipKB} KB gzipped in ${report.firstLoadFiles} files`);
    console.log(`landing page (+ dashboard):          ${report.landingGzipKB} KB gzipped in ${report.landingFiles} files`);
    console.log(`all JavaScript in dist:              ${report.allJsGzipKB} KB gzipped`);
}
