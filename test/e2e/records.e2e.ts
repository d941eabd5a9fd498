// Records in the console, from the work queue to publication, a correction and a re-issue: the demo task
// 2022-YJGLJ-002 (READY, led by 应急管理局) gets its target and inspector draws through the API; then 应急管理局's
// head (`yjgl`) lands on the work queue, opens "enter results", fills the record form (联合抽查情况记录表) for the
// first drawn target, saves it, publishes the department's part, requests a correction of a published result
// and, as the department head, approves it (the correction appears beside the original); finally the office
// re-issues the stalled task (its window has passed) and both tasks show the lineage, then sees the published record
// in the quarterly report of its quarter and in the XLSX export. A screenshot per step.
import { describe, expect, inject, it } from 'vitest';

import ExcelJS from 'exceljs';

import { demoTask, graphqlAs } from './helpers/api.ts';
import { login, logout, useBrowser } from './helpers/browser.ts';

const TASK = '2022-YJGLJ-002';

async function runDraw(baseURL: string, taskId: string, kind: 'TARGET' | 'INSPECTOR', input: string) {
    const mutation = kind === 'TARGET' ? 'commitTargetDraw' : 'commitInspectorDraw';
    const committed = await graphqlAs<Record<string, { draw: { id: string } }>>(
        baseURL,
        'yjgl',
        `mutation { ${mutation}(taskId: "${taskId}", publicInputSource: "现场观察员读数") { draw { id } } }`,
    );
    const drawId = committed[mutation]!.draw.id;
    await graphqlAs(baseURL, 'yjgl', `mutation { revealDraw(drawId: "${drawId}", publicInput: "${input}") { id } }`);
    await graphqlAs(baseURL, 'yjgl', `mutation { lockDraw(drawId: "${drawId}") { id status } }`);
}

describe('records: enter, publish, correct, re-issue', () => {
    const browsers = useBrowser();

    it('department head: work queue → record form → save → publish → correction approved; office: re-issue with lineage, the record in the quarterly report and its XLSX', { timeout: 240_000 }, async () => {
        const baseURL = inject('baseURL');
        const task = await demoTask(baseURL, TASK);
        expect(task.status).toBe('READY');
        await runDraw(baseURL, task.id, 'TARGET', '福彩3D 2026087 112');
        await runDraw(baseURL, task.id, 'INSPECTOR', '福彩3D 2026088 640');

        const session = await browsers.open(baseURL, 'records');
        const { page, shot } = session;

        // 1. the work queue is the landing page: "enter results" for the dispatched task
        await login(page, 'yjgl');
        const queue = page.getByTestId('work-queue');
        const entry = queue.getByTestId('work-RECORD_TO_COMPLETE').filter({ hasText: TASK }).first();
        await entry.waitFor();
        await shot('work-queue');
        await entry.getByRole('link').click();
        await page.waitForURL(/#\/tasks\/[0-9a-f-]+\/records$/);
        await page.getByTestId('task-records').locator('tbody tr').first().waitFor();
        await shot('task-records');

        // 2. the record form of the first drawn target
        await page.getByTestId('task-records').locator('tbody tr').first().getByRole('link').click();
        await page.waitForURL(/#\/tasks\/[0-9a-f-]+\/records\/[0-9a-f-]+$/);
        const form = page.getByTestId('record-form');
        await form.getByText('联合抽查情况记录表').first().waitFor();
        await form.getByLabel('检查日期').fill('2022-10-10');
        await form.locator('input[type="checkbox"][aria-label$="到场"]').first().check();
        const ownRows = form.locator('[data-editable="true"]');
        const count = await ownRows.count();
        expect(count).toBeGreaterThan(0);
        // other departments' rows are read-only
        expect(await form.locator('[data-editable="false"]').count()).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
            await ownRows.nth(i).getByRole('combobox').click();
            await page.getByRole('option', { name: i === 0 ? '5 发现问题已责令整改' : '1 未发现问题' }).click();
        }
        await form.getByLabel('处理意见').fill('责令企业于 15 日内完成整改');
        await form.getByLabel('已签字').check();
        await form.getByLabel('签字人').fill('赵经理');
        await shot('record-filled');
        await form.getByTestId('save-record').click();
        await form.getByTestId('record-status').waitFor();
        await page.getByTestId('publication-panel').waitFor();
        await shot('record-saved');

        // 3. publish the department's part: due date and days shown, then read-only with the published date
        const panel = page.getByTestId('publication-panel');
        expect(await panel.getByTestId('due-date').textContent()).toContain('公示截止');
        await panel.getByTestId('publish-record-part').click();
        await page.getByRole('button', { name: '确认' }).click();
        await panel.getByText(/已于 .* 公示/).waitFor();
        expect(await form.locator('[data-editable="true"]').count()).toBe(0);
        await shot('published');

        // 4. a correction of the published code 5 result, approved by the department head (yjgl is the head)
        const request = form.locator('[data-testid^="request-correction-"]').first();
        await request.click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('更正后的结果').click();
        await page.getByRole('option', { name: '8 发现问题待后续处理' }).click();
        await dialog.getByLabel('更正理由').fill('现场记录誊写错误，整改通知书载明待后续处理');
        await shot('correction-request');
        await dialog.getByRole('button', { name: '提交更正申请' }).click();
        await form.getByText(/更正待批准/).waitFor();
        await page.goto('/#/');
        const approve = page.getByTestId('work-queue').getByTestId('work-CORRECTION_TO_APPROVE').first();
        await approve.waitFor();
        await approve.getByRole('link').click();
        await page.getByTestId('correction-original').waitFor();
        await shot('correction-to-approve');
        await page.getByRole('button', { name: '批准更正' }).click();
        await page.getByRole('dialog').getByRole('button', { name: '批准更正' }).click();
        await page.getByText('已批准').first().waitFor();
        expect(await page.getByTestId('correction-new').textContent()).toContain('8 发现问题待后续处理');
        await shot('correction-approved');
        await logout(page);

        // 5. the office re-issues the stalled task (window passed, records incomplete); lineage on both tasks
        await login(page, 'office');
        await page.goto(`/#/tasks/${task.id}/show`);
        await page.getByRole('button', { name: '重新派发' }).click();
        const reissue = page.getByRole('dialog');
        await reissue.getByLabel('重新派发理由').fill('执行期已过，部分检查对象未完成检查');
        await reissue.getByLabel('新的执行期结束').fill('2026-12-31');
        await shot('reissue-dialog');
        await reissue.getByRole('button', { name: '重新派发' }).click();
        await page.getByTestId('reissued-from').waitFor();
        expect(await page.getByTestId('reissued-from').textContent()).toContain(TASK);
        await shot('reissued-task');
        await page.getByTestId('reissued-from').getByRole('link').click();
        await page.getByTestId('reissues').waitFor();
        expect(await page.getByTestId('reissues').textContent()).toContain(`${TASK}-R`);
        await shot('original-task-lineage');

        // 6. the office sees the published record in the quarterly report of the task's quarter (inspection ended
        // 2022-11-18: 2022 Q4; no other demo task has records there) and exports it as XLSX
        await page.goto('/#/reports?period=QUARTER&year=2022&quarter=4');
        await page.getByTestId('report-title').getByText('工作通报：2022年第4季度').waitFor();
        await page.getByTestId('value-targetsInspected').getByText('1', { exact: true }).waitFor();
        await shot('report-2022-q4');
        const download = page.waitForEvent('download');
        await page.getByTestId('export-xlsx').click();
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(await (await download).path());
        const figures: Record<string, unknown> = {};
        workbook.getWorksheet('总体')!.eachRow((row, n) => {
            if (n > 2) figures[String(row.getCell(11).value)] = row.getCell(2).value;
        });
        expect(figures.targetsInspected).toBe(1);
        expect(session.pageErrors).toEqual([]);
    });
});
