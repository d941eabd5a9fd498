// Registers and tasks through the forms that exist today: a target with a wrong unified social credit code
// is refused with the reason under the code; the lead department (市场监管局, `scjg`) creates a task from its
// published plan and invites the participating departments; an admin of each of them finds it on the landing
// page and accepts (签收), after which the task is ready for the draw.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

import { graphqlAs } from './helpers/api.ts';
import { launchBrowser, login, logout, openSession, type Session } from './helpers/browser.ts';

const PLAN = '市场监管局2022年度';

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

    it('lead department: a wrong USCC is refused on its field; a task from its plan is created and invited; every participant accepts', async () => {
        const baseURL = inject('baseURL');
        session = await openSession(browser, baseURL, 'tasks');
        const { page, shot } = session;
        await login(page, 'scjg');

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

        // An admin of each participating department accepts (demo accounts do not cover every department: one is
        // created per department through the API).
        const taskId = taskUrl.match(/tasks\/([0-9a-f-]+)\/show/)![1]!;
        const { task } = await graphqlAs<{ task: { participants: { role: string; department: { id: string; name: string; shortName: string } }[] } }>(
            baseURL,
            'office',
            `query($id: ID!) { task(id: $id) { participants { role department { id name shortName } } } }`,
            { id: taskId },
        );
        const invited = task.participants.filter(p => p.role !== 'LEAD');
        expect(invited.length).toBeGreaterThanOrEqual(2);
        for (const [i, participant] of invited.entries()) {
            const username = `e2e_p${i}_${Date.now().toString(36)}`;
            await graphqlAs(baseURL, 'office', 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
                input: { username, displayName: `${participant.department.name} 测试科长`, password: 'E2e#password-2026', role: 'DEPARTMENT_ADMIN', departmentId: participant.department.id },
            });
            await page.goto('/#/login');
            await page.locator('input[name="username"]').fill(username);
            await page.locator('input[name="password"]').fill('E2e#password-2026');
            await page.locator('button[type="submit"]').click();
            await page.getByTestId('awaiting-acceptance').getByText(name).waitFor();
            await shot(`participant-${i + 1}-work-queue`);
            await page.getByTestId('awaiting-acceptance').getByText(name).click();
            expect(page.url()).toBe(taskUrl);
            await page.getByRole('button', { name: '签收' }).click();
            await page.getByRole('button', { name: '确认' }).click();
            await page.getByText('已完成：签收').waitFor();
            await page.getByRole('tab', { name: '参与部门' }).click();
            await page.locator('tr', { hasText: participant.department.shortName }).getByText('已签收').waitFor();
            await shot(`participant-${i + 1}-accepted`);
            await logout(page);
        }
        const { task: after } = await graphqlAs<{ task: { status: string } }>(baseURL, 'office', `query($id: ID!) { task(id: $id) { status } }`, { id: taskId });
        expect(after.status).toBe('READY');
        expect(session.pageErrors).toEqual([]);
    });
});
