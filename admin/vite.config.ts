// Build and dev-server setup for the admin console.
// The dev server proxies the API to the GraphQL server on :4000 so the console and the API share one
// origin: the session cookie then works without CORS. ADMIN_API_TARGET points it at a server on
// another address. Build output goes to admin/dist.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.ADMIN_API_TARGET ?? 'http://localhost:4000';
// /export: the report downloads (XLSX, CSV, print view) the report page links to.
// Host is passed through unchanged, so anything the server derives from it matches what the browser sees.
const proxy = { '/graphql': apiTarget, '/healthz': apiTarget, '/readyz': apiTarget, '/export': apiTarget };

// Vendor groups for the initial load only (tag `$initial`). Code used only by lazily loaded views
// (lists, later forms) stays in those views' chunks instead of being pulled forward into a vendor
// chunk. Splitting vendors from app code lets browsers keep the large, rarely changing libraries
// cached across console releases.
const vendorGroups = [
    { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
    { name: 'vendor-mui', test: /[\\/]node_modules[\\/](@mui|@emotion|@popperjs|stylis|react-transition-group)[\\/]/, priority: 30 },
    {
        name: 'vendor-react-admin',
        test: /[\\/]node_modules[\\/](react-admin|ra-[\w-]+|node-polyglot|react-hook-form|@tanstack|react-router|react-router-dom)[\\/]/,
        priority: 20,
    },
    { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
    plugins: [react()],
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, proxy },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        sourcemap: true,
        rolldownOptions: {
            output: {
                codeSplitting: {
                    groups: vendorGroups.map(group => ({ ...group, tags: ['$initial' as const] })),
                },
            },
        },
    },
});
