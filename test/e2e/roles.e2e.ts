// Every demo account signs in, lands on the work-queue page, sees exactly the menu its role may use
// (docs/SECURITY.md, "Root fields" and "Rows"), and signs out again. One page serves all of them in turn,
// as one shared office computer would: signing out must leave nothing of the previous user behind.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, login, logout, menuResources, openSession, screenshotOnFailure, type DemoUser, type Session } from './helpers/browser.ts';

const EVERYONE = ['departments', 'checkItems', 'itemLists', 'targets', 'inspectors', 'plans', 'tasks', 'draws', 'inspectorAssignments', 'inspectionRecords', 'itemResults', 'publications', 'corrections', 'creditEvents', 'followUps', 'calendarDays'];
const POOLS = ['targetPools', 'inspectorPools', 'recusals'];

/** Expected menu per role, written from the security document, not from the console's own matrix
 * (`reports` is the quarterly report page: quarterlyReport is refused to inspectors only). */
const MENUS: Record<DemoUser, string[]> = {
    office: [...EVERYONE, ...POOLS, 'users', 'apiKeys', 'auditEvents', 'reports'],
    scjg: [...EVERYONE, ...POOLS, 'users', 'reports'],
    yjgl: [...EVERYONE, ...POOLS, 'users', 'reports'],
    wjj: [...EVERYONE, ...POOLS, 'users', 'reports'],
    inspector: [...EVERYONE, ...POOLS],
    analyst: [...EVERYONE, 'reports'],
};

describe('each role sees the menu it may use', () => {
    let browser: Browser;
    let session: Session;
    beforeAll(async () => {
        browser = await launchBrowser();
        session = await openSession(browser, inject('baseURL'), 'roles', false);
        await session.page.goto('/');
        await session.page.locator('input[name="username"]').waitFor();
        await session.shot('login');
    });
    afterAll(async () => {
        await session?.close();
        await browser?.close();
    });

    for (const user of Object.keys(MENUS) as DemoUser[]) {
        it(`${user}: signs in, sees its menu, signs out`, async () => {
            const { page, shot } = session;
            screenshotOnFailure(page, `roles-${user}`);
            await login(page, user);
            const menu = await menuResources(page);
            await shot(`${user}-dashboard`);
            expect([...menu].sort()).toEqual([...MENUS[user]].sort());

            await logout(page);
            expect(page.url()).toContain('#/login');
            expect(session.pageErrors).toEqual([]);
        });
    }
});
