// Registers and tasks through the forms that exist today: a target with a wrong unified social credit code
// is refused with the reason under the code; the office creates a task from a published plan and invites
// the participating departments; an admin of one of them finds it on the landing page and accepts (签收).
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

import { graphqlAs } from './helpers/api.ts';
import { launchBrowser, login, logout, openSession, type Session } from './helpers/browser.ts';

const PLAN = '市场监管局2022年度';
const PARTICIPANT = '烟台市生态环境局海阳分局';

describe('registers and tasks', () => {
    let browser: Browser;
    let session: Session | undefined;
    beforeAll(async () => {
        browser = await launchBrowser();
    });
    afterAll(() => browser?.close());
    afterEach(async () => {
        await session?.close();
        session = undefined;
    });

    it('office: a wrong USCC is refused on its field; a task from a plan is created and invited; a participant accepts', async () => {
        const baseURL = inject('baseURL');
        session = await openSession(browser, baseURL, 'tasks');
        const { page, shot } = session;
        await login(page, 'office');

        await page.goto('/#/targets/create');
        await page.getByRole('combobox', { name: '名录库' }).click();
        await page.getByRole('option').first().click();
        await page.locator('input[name="uscc"]').fill('91370687MA3C5XKD0X');
        await page.locator('input[name="name"]').fill('测试企业');
        await page.locator('input[name="regionCode"]').fill('370687');
        await page.locator('input[name="industryCode"]').fill('F5265');
        await page.getByRole('button', { name: '保存' }).click();
        await page.locator('.MuiFormHelperText-root', { hasText: '统一社会信用代码校验位不正确' }).waitFor();
        await shot('target-wrong-uscc');

        const name = `E2E 联合抽查 ${Date.now().toString(36)}`;
        await page.goto('/#/tasks/create');
        await page.locator('input[name="name"]').fill(name);
        const plan = page.getByRole('combobox', { name: '所属计划' });
        await plan.click();
        await plan.fill(PLAN);
        await page.getByRole('option', { name: new RegExp(PLAN) }).click();
        await page.locator('input[name="windowStart"]').fill('2026-12-01');
        await page.locator('input[name="windowEnd"]').fill('2026-12-20');
        await shot('task-form');
        await page.getByRole('button', { name: '保存' }).click();
        await page.waitForURL(/#\/tasks\/[0-9a-f-]+\/show/);
        const taskUrl = page.url();
        await page.getByText('草稿').first().waitFor();
        await shot('task-draft');
        await page.getByRole('button', { name: '发出邀约' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await page.getByText('邀约签收中').first().waitFor();
        await shot('task-invited');
        await logout(page);

        // An admin of a participating department (the demo accounts' departments are not all set).
        const username = `e2e_sthj_${Date.now().toString(36)}`;
        const { departments } = await graphqlAs<{ departments: { nodes: { id: string }[] } }>(baseURL, 'office', `query { departments(filter: { q: "${PARTICIPANT}" }) { nodes { id } } }`);
        await graphqlAs(baseURL, 'office', 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
            input: { username, displayName: '生态环境局 测试科长', password: 'E2e#password-2026', role: 'DEPARTMENT_ADMIN', departmentId: departments.nodes[0].id },
        });
        await page.goto('/#/login');
        await page.locator('input[name="username"]').fill(username);
        await page.locator('input[name="password"]').fill('E2e#password-2026');
        await page.locator('button[type="submit"]').click();
        await page.getByTestId('awaiting-acceptance').getByText(name).waitFor();
        await shot('participant-work-queue');
        await page.getByTestId('awaiting-acceptance').getByText(name).click();
        expect(page.url()).toBe(taskUrl);
        await page.getByRole('button', { name: '签收' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await page.getByText('已完成：签收').waitFor();
        await page.getByRole('tab', { name: '参与部门' }).click();
        const row = page.locator('tr', { hasText: '生态环境局' });
        await row.getByText('已签收').waitFor();
        await shot('participant-accepted');
        expect(session.pageErrors).toEqual([]);
    });
});
