// The draw in the console, as the lead department runs it at a live draw: from a READY task, commit the target
// draw (the commitment and the named public-input source are shown before anything is revealed), type the public
// input read out, reveal, see the browser's own verification ("已验证"), download the evidence, lock and dispatch;
// then the inspector draw the same way, and the teams with certificate numbers. A screenshot per step.
import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

import { demoTask } from './helpers/api.ts';
import { login, useBrowser } from './helpers/browser.ts';

/** A READY demo task led by 应急管理局 (the `yjgl` account's department). */
const TASK = '2022-YJGLJ-001';

describe('the draw screen', () => {
    const browsers = useBrowser();

    it('lead department: commit, reveal with a public input, verified, lock; inspectors matched, teams shown', { timeout: 180_000 }, async () => {
        const baseURL = inject('baseURL');
        const task = await demoTask(baseURL, TASK);
        expect(task.status).toBe('READY');

        const session = await browsers.open(baseURL, 'draw');
        const { page, shot } = session;
        await login(page, 'yjgl');
        await page.goto(`/#/tasks/${task.id}/show`);
        await page.getByRole('button', { name: '摇号' }).click();
        await page.waitForURL(/#\/tasks\/[0-9a-f-]+\/draw$/);
        await page.getByTestId('commit-target').waitFor();
        await shot('ready');

        // 1. commit: candidates per stratum, the commitment and the public-input source, before any reveal
        await page.getByTestId('commit-target').getByRole('textbox', { name: '公开输入来源' }).fill('现场观察员读数（福彩3D 第2026085期开奖号）');
        await page.getByRole('button', { name: '承诺对象摇号' }).click();
        const target = page.getByTestId('draw-panel-target');
        await target.getByTestId('commitment').waitFor();
        expect(await target.getByTestId('commitment').textContent()).toMatch(/^[0-9a-f]{64}$/);
        expect(await target.getByTestId('public-input-source').textContent()).toBe('现场观察员读数（福彩3D 第2026085期开奖号）');
        await target.getByTestId('strata').waitFor();
        await target.getByText('已验证（揭示前）').waitFor();
        await shot('target-committed');

        // 2. reveal with the public input read out at the draw
        const reveal = target.getByRole('button', { name: '揭示' });
        expect(await reveal.isDisabled()).toBe(true);
        await target.getByTestId('public-input').fill('福彩3D 2026085 471');
        await reveal.click();
        await page.getByRole('button', { name: '确认' }).click();
        await target.getByTestId('verify-ok').getByText('已验证', { exact: true }).waitFor({ timeout: 60_000 });
        expect(await target.getByTestId('revealed-public-input').textContent()).toBe('福彩3D 2026085 471');
        await target.getByTestId('selection').locator('tbody tr').first().waitFor();
        await shot('target-revealed-verified');

        // the evidence file, for `pnpm verify-draw`
        const download = page.waitForEvent('download');
        await target.getByRole('button', { name: '下载证据 JSON' }).click();
        const evidence = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
        expect(evidence).toMatchObject({ format: 'ssj-draw-evidence/1', publicInput: '福彩3D 2026085 471' });

        // 3. lock and dispatch
        await target.getByRole('button', { name: '锁定并派发' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await page.getByTestId('task-status').getByText('已摇号').waitFor();
        await target.getByTestId('draw-status').getByText('已锁定派发').waitFor();
        await shot('target-locked');

        // 4. inspector draw: commit, reveal, verify, lock → teams
        const commit = page.getByTestId('commit-inspector');
        await commit.getByRole('textbox', { name: '公开输入来源' }).fill('现场观察员读数（福彩3D 第2026086期开奖号）');
        await commit.getByRole('button', { name: '承诺检查人员摇号' }).click();
        const inspector = page.getByTestId('draw-panel-inspector');
        await inspector.getByTestId('department-plans').waitFor();
        await inspector.getByTestId('commitment').waitFor();
        await shot('inspector-committed');
        await inspector.getByTestId('public-input').fill('福彩3D 2026086 905');
        await inspector.getByRole('button', { name: '揭示' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await inspector.getByTestId('verify-ok').getByText('已验证', { exact: true }).waitFor({ timeout: 60_000 });
        await inspector.getByTestId('teams').locator('tbody tr').first().waitFor();
        await shot('inspector-revealed-verified');
        await inspector.getByRole('button', { name: '锁定并派发' }).click();
        await page.getByRole('button', { name: '确认' }).click();
        await page.getByTestId('task-status').getByText('已派发').waitFor();
        const teams = inspector.getByTestId('teams');
        const rows = await teams.locator('tbody tr').count();
        expect(rows).toBe(evidence.selected.length);
        // every team has a leader with a certificate number, inspectors by name (linked), and no refusal on the way
        expect(await teams.locator('tbody tr').first().textContent()).toMatch(/执法证号/);
        expect(await teams.locator('a[href*="#/inspectors/"]').count()).toBeGreaterThanOrEqual(rows * 2);
        expect(await page.getByTestId('draw-error').count()).toBe(0);
        await shot('teams-dispatched');
        expect(session.pageErrors).toEqual([]);
    });
});
