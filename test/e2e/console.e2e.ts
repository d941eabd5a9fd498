// The office browses lists and show pages, uses the forms that exist today (users, API keys) including a
// server-side validation error shown on its field, switches language, exports, signs out; an analyst sees
// only inspectors' names and is turned away from the pools; a department admin refused a row by the server
// gets a notification and stays signed in; an ended session leads back to the sign-in page.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

import { graphqlAs } from './helpers/api.ts';
import { launchBrowser, login, logout, openSession, waitForRows, type Session } from './helpers/browser.ts';

describe('the console at work', () => {
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

    it('office: lists, show pages, export, language switch, sign out', async () => {
        session = await openSession(browser, inject('baseURL'), 'office-browse');
        const { page, shot } = session;
        await login(page, 'office');

        await page.goto('/#/departments');
        await waitForRows(page);
        await shot('departments');
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: '导出' }).click();
        const csv = fs.readFileSync(await (await download).path(), 'utf8');
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(csv).toContain('部门全称');
        await page.locator('table tbody tr').first().click();
        await page.getByText('在册执法检查人员').first().waitFor();
        await shot('department-show');

        await page.goto('/#/targets');
        await waitForRows(page);
        await page.getByPlaceholder('搜索').fill('加油站');
        await page.waitForURL(/filter=.*%E5%8A%A0%E6%B2%B9%E7%AB%99/);
        await waitForRows(page);
        await shot('targets-search');
        await page.locator('table tbody tr').first().click();
        await page.getByText('统一社会信用代码').first().waitFor();
        await shot('target-show');

        await page.goto('/#/tasks');
        await waitForRows(page);
        await shot('tasks');
        await page.getByText('2022-SCJGJ-003').click();
        await page.getByRole('tab', { name: '参与部门' }).click();
        await page.getByText('待签收').first().waitFor();
        await shot('task-participants');

        await page.goto('/#/recusals');
        await waitForRows(page);
        await page.locator('table tbody tr').first().locator('a').first().click();
        await page.getByRole('tab', { name: '回避' }).click();
        await page.getByText('回避事由').first().waitFor();
        await shot('inspector-recusals');

        await page.goto('/#/plans');
        await waitForRows(page);
        await page.locator('table tbody tr').first().click();
        await page.getByRole('tab', { name: '发布与调整历史' }).click();
        await page.getByText('调整原因').first().waitFor();
        await shot('plan-versions');

        await page.goto('/#/calendarDays');
        await page.locator('[data-kind="HOLIDAY"]').first().waitFor();
        await expect(page.locator('[data-kind="HOLIDAY"]').count()).resolves.toBeGreaterThan(5);
        await shot('calendar');

        await page.getByRole('button', { name: '简体中文' }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
        await page.locator('.RaMenu-open a[href="#/tasks"]', { hasText: 'Tasks' }).waitFor();
        await page.getByText('Working-day calendar').first().waitFor();
        await shot('english');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: '简体中文' }).click();
        await page.locator('.RaMenu-open a[href="#/tasks"]', { hasText: '抽查任务' }).waitFor();

        await logout(page);
        await shot('signed-out');
        expect(session.pageErrors).toEqual([]);
    });

    it('office: creates a user (server-side error on its field), deactivates it; creates and revokes an API key', async () => {
        session = await openSession(browser, inject('baseURL'), 'office-forms');
        const { page, shot } = session;
        await login(page, 'office');

        await page.goto('/#/users/create');
        await page.locator('input[name="username"]').fill('office');
        await page.locator('input[name="displayName"]').fill('测试用户');
        await page.locator('input[name="password"]').fill('E2e#password-2026');
        await page.getByRole('combobox', { name: '角色' }).click();
        await page.getByRole('option', { name: '分析人员（只读）' }).click();
        await page.getByRole('button', { name: '保存' }).click();
        // The server refuses the taken name (CONFLICT, field input.username): the message sits under the input.
        await page.locator('.MuiFormHelperText-root', { hasText: '用户名已存在' }).waitFor();
        await shot('user-taken-username');

        const username = `e2e_${Date.now().toString(36)}`;
        await page.locator('input[name="username"]').fill(username);
        await page.getByRole('button', { name: '保存' }).click();
        await page.waitForURL(/#\/users\/[0-9a-f-]+\/show/);
        await page.getByText(username).first().waitFor();
        await shot('user-created');
        await page.getByRole('button', { name: '停用' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await page.getByRole('button', { name: '启用' }).waitFor();
        await shot('user-deactivated');

        await page.goto('/#/apiKeys/create');
        await page.locator('input[name="name"]').fill('e2e 合作系统');
        await page.getByRole('button', { name: '保存' }).click();
        const key = await page.getByTestId('created-api-key').textContent();
        expect(key).toMatch(/^ssj_/);
        await shot('api-key-shown-once');
        await page.getByRole('button', { name: '完成' }).click();
        await page.waitForURL(/#\/apiKeys\/[0-9a-f-]+\/show/);
        await page.getByRole('button', { name: '吊销' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await page.getByText('密钥已吊销').waitFor();
        await shot('api-key-revoked');
        expect(session.pageErrors).toEqual([]);
    });

    it('analyst: inspectors by name only, no pools; department admin refused a row stays signed in', async () => {
        session = await openSession(browser, inject('baseURL'), 'restricted');
        const { page, shot } = session;
        await login(page, 'analyst');
        await page.goto('/#/inspectors');
        await waitForRows(page);
        await page.getByText('分析人员只能查看执法检查人员的姓名和部门').waitFor();
        await expect(page.locator('thead').getByText('执法证号').count()).resolves.toBe(0);
        await shot('analyst-inspectors');
        await page.goto('/#/targetPools');
        await page.getByText('您没有访问此页面的权限').waitFor();
        await shot('analyst-no-pools');
        await logout(page);

        const { users } = await graphqlAs<{ users: { nodes: { id: string }[] } }>(
            inject('baseURL'),
            'office',
            'query { users(filter: { q: "office" }) { nodes { id } } }',
        );
        await login(page, 'wjj');
        await page.goto(`/#/users/${users.nodes[0].id}/show`);
        await page.locator('.MuiSnackbarContent-message', { hasText: '无权' }).waitFor();
        await shot('department-admin-forbidden-row');
        expect(page.url()).not.toContain('#/login');
        await page.goto('/#/tasks');
        await page.locator('table tbody tr, .RaEmpty-message').first().waitFor();
        expect(page.url()).toContain('#/tasks');

        // The session ends behind the console's back (expiry, revocation): the next request gets a 401
        // and the user is sent to the sign-in page with a notice.
        await page.context().clearCookies();
        await page.goto('/#/departments');
        await page.locator('input[name="username"]').waitFor();
        await page.getByText('会话已结束，请重新登录').waitFor();
        await shot('session-ended');
    });
});
