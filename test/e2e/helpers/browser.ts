// Driving the console in Debian's Chromium with playwright-core (never `playwright install`): one browser per
// test file, launched with the arguments of shared/docs/toolchain.md on a fresh temporary profile
// (playwright's own --user-data-dir); one isolated context (cookies, storage) per signed-in user; a
// screenshot per step under test-results/e2e/; and the page actions every test needs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/** The demo accounts README.md lists (seeded into a new embedded database only). */
export const DEMO = {
    office: 'Office#2026demo',
    scjg: 'Scjg#2026demo',
    yjgl: 'Yjgl#2026demo',
    wjj: 'Wjj#2026demo',
    inspector: 'Inspector#2026demo',
    analyst: 'Analyst#2026demo',
} as const;
export type DemoUser = keyof typeof DEMO;

export interface Session {
    page: Page;
    /** Saves `test-results/e2e/<prefix>-<nn>-<name>.png` and returns its path. */
    shot: (name: string) => Promise<string>;
    /** Errors the page threw or logged (failed requests excluded: some tests provoke them). */
    pageErrors: string[];
    close: () => Promise<void>;
}

/**
 * One browser for the test file (launched before its tests, closed after them) and the session a test opens:
 * `open` closes the previous session first, and the last one is closed with the browser.
 */
export function useBrowser(): { open: (baseURL: string, prefix: string) => Promise<Session> } {
    let browser: Browser | undefined;
    let session: Session | undefined;
    beforeAll(async () => {
        browser = await launchBrowser();
    });
    afterAll(async () => {
        await session?.close();
        await browser?.close();
    });
    return {
        async open(baseURL, prefix) {
            await session?.close();
            session = await openSession(browser!, baseURL, prefix);
            return session;
        },
    };
}

export function launchBrowser(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** The page as it was when a step failed (`<name>-FAILED.png`), next to the steps that passed. Call in a test. */
export function screenshotOnFailure(page: Page, name: string): void {
    onTestFailed(async () => {
        await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-FAILED.png`) }).catch(() => undefined);
    });
}

/**
 * Opens a fresh context (cookies, storage). Inside a test, a failure leaves `<prefix>-FAILED.png`; a session
 * shared by several tests (opened in beforeAll: `inTest` false) registers that per test instead.
 */
export async function openSession(browser: Browser, baseURL: string, prefix: string, inTest = true): Promise<Session> {
    const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
    // No CSS transitions or animations: screenshots show finished states (dialogs fully faded in).
    await context.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = '*, *::before, *::after { transition-duration: 0s !important; animation-duration: 0s !important; }';
            document.head.appendChild(style);
        });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', error => pageErrors.push(error.message));
    page.on('console', message => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    let step = 0;
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    if (inTest) screenshotOnFailure(page, prefix);
    return {
        page,
        pageErrors,
        shot: async name => {
            step += 1;
            const file = path.join(RESULTS_DIR, `${prefix}-${String(step).padStart(2, '0')}-${name}.png`);
            await page.screenshot({ path: file });
            return file;
        },
        close: () => context.close(),
    };
}

export async function login(page: Page, username: DemoUser): Promise<void> {
    await page.goto('/#/login');
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(DEMO[username]);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('welcome').waitFor();
}

/** Resources in the sidebar menu, in order (hrefs `#/<resource>`; the dashboard `#/` is left out). */
export async function menuResources(page: Page): Promise<string[]> {
    await page.locator('.RaMenu-open a[href="#/tasks"], .RaMenu-closed a[href="#/tasks"]').waitFor();
    const hrefs = await page.locator('.RaMenu-open a, .RaMenu-closed a').evaluateAll(links => links.map(link => link.getAttribute('href') ?? ''));
    return hrefs.filter(href => href.startsWith('#/') && href.length > 2).map(href => href.slice(2));
}

export async function logout(page: Page): Promise<void> {
    await page.locator('button[aria-label="个人设置"], button[aria-label="Profile"]').first().click();
    await page.locator('.logout').click();
    await page.locator('input[name="username"]').waitFor();
}

/** Waits for a list page's table to show at least one row. */
export async function waitForRows(page: Page): Promise<void> {
    await page.locator('table tbody tr').first().waitFor();
}
