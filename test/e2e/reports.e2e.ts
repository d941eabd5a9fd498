// The office's quarterly report in the console (docs/REPORTS.md): this quarter's headline figures on the landing
// page; from the menu, choose 2022 Q2 (the demo's closed
// task 2022-SCJGJ-001 with 30 records, publications with one late, a correction and follow-ups), see the headline
// figures against their targets, drill down to the publications behind the on-time publication rate and on to a
// task, download the XLSX (read back with exceljs) and open the server's print view. A department admin sees the
// totals and its own department only. A screenshot per step under test-results/e2e/reports-*.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';

import { login, useBrowser } from './helpers/browser.ts';

const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'e2e');

describe('the quarterly report', () => {
    const browsers = useBrowser();

    it('office: 2022 Q2 figures against targets, drill-down to the rows and a task, XLSX download, print view', { timeout: 180_000 }, async () => {
        const session = await browsers.open(inject('baseURL'), 'reports');
        const { page, shot } = session;
        await login(page, 'office');
        // the office's landing page: this quarter's headline figures above the work queue (reports/KpiSummary)
        await page.getByTestId('kpi-summary').getByTestId('kpi-publicationRate').waitFor();
        await shot('dashboard-kpi-summary');

        // 1. from the menu: the current quarter first
        await page.getByRole('menuitem', { name: '季度通报' }).click();
        await page.waitForURL(/#\/reports/);
        await page.getByTestId('report-title').waitFor();
        await shot('current-quarter');

        // 2. 2022, second quarter (the URL keeps the selection)
        await page.getByRole('combobox', { name: '年度' }).click();
        await page.getByRole('option', { name: '2022', exact: true }).click();
        await page.getByTestId('quarter-2').click();
        await page.getByTestId('report-title').getByText('工作通报：2022年第2季度').waitFor();
        expect(page.url()).toContain('year=2022');
        expect(page.url()).toContain('quarter=2');
        await page.getByTestId('value-targetsInspected').getByText('30', { exact: true }).waitFor();
        expect(await page.getByTestId('value-tasks').textContent()).toBe('1');
        expect(await page.getByTestId('value-targetsInspected').textContent()).toBe('30');
        // every pair published (met), one of 90 late (not met: the target is 100 %)
        expect(await page.getByTestId('kpi-publicationRate').getAttribute('data-met')).toBe('met');
        expect(await page.getByTestId('target-publicationRate').textContent()).toBe('目标 ≥ 100%');
        expect(await page.getByTestId('kpi-onTimePublicationRate').getAttribute('data-met')).toBe('not-met');
        expect(await page.getByTestId('value-onTimePublicationRate').textContent()).toBe('98.9%');
        expect(await page.getByTestId('met-onTimePublicationRate').first().textContent()).toBe('未达标');
        expect(await page.getByTestId('kpi-jointInspectionRate').getAttribute('data-met')).toBe('met');
        expect(await page.getByTestId('cell-SCJGJ-targetsInspected').textContent()).toBe('30');
        await page.getByTestId('chart-results').locator('.recharts-bar-rectangle').first().waitFor();
        await page.getByTestId('chart-departments').locator('.recharts-bar-rectangle').first().waitFor();
        await shot('2022-q2');
        await page.getByTestId('chart-trend').scrollIntoViewIfNeeded();
        await shot('2022-q2-charts');
        await page.getByTestId('department-table').scrollIntoViewIfNeeded();
        await shot('2022-q2-departments');

        // 3. drill down: the publications behind the on-time publication rate; 89 of 90 on time
        await page.getByTestId('kpi-onTimePublicationRate').getByRole('button').click();
        const dialog = page.getByTestId('drill-down');
        await dialog.getByTestId('drill-rows').waitFor();
        expect(await dialog.getByTestId('drill-counts').textContent()).toBe('共 90 行；计入分子 89，计入分母 90');
        expect(await dialog.getByTestId('drill-rows').locator('tbody tr').count()).toBe(25);
        await shot('drill-down');
        // a department's cell: 应急管理局's 30 pairs, the late one among them
        await dialog.getByRole('button', { name: '关闭' }).click();
        await page.getByTestId('cell-YJGLJ-onTimePublicationRate').click();
        await dialog.getByText('共 30 行；计入分子 29，计入分母 30').waitFor();
        await dialog.getByRole('checkbox', { name: '只看计入分子的行' }).check();
        await dialog.getByText('共 29 行；计入分子 29，计入分母 30').waitFor();
        await shot('drill-down-department');
        // and on to the task
        await dialog.getByRole('link', { name: '2022-SCJGJ-001' }).first().click();
        await page.waitForURL(/#\/tasks\/[0-9a-f-]+\/show$/);
        await page.getByText('2022年食品生产企业部门联合抽查').first().waitFor();
        await shot('drill-down-task');
        await page.goBack();
        await page.getByTestId('report-title').getByText('工作通报：2022年第2季度').waitFor();

        // 4. the XLSX of the selection
        expect(await page.getByTestId('export-xlsx').getAttribute('href')).toBe('/export/report.xlsx?year=2022&period=QUARTER&quarter=2');
        const download = page.waitForEvent('download');
        await page.getByTestId('export-xlsx').click();
        const file = await download;
        expect(file.suggestedFilename()).toBe('工作通报-2022年第2季度.xlsx');
        const saved = await file.path();
        expect(fs.statSync(saved).size).toBeGreaterThan(1000);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(saved);
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['总体', '各部门', '结果代码', '未参与联合抽查部门']);
        const overview = workbook.getWorksheet('总体')!;
        expect(String(overview.getCell('A1').value)).toContain('2022年第2季度');
        const rows: Record<string, unknown> = {};
        overview.eachRow((row, n) => {
            if (n > 2) rows[String(row.getCell(11).value)] = row.getCell(2).value;
        });
        expect(rows.targetsInspected).toBe(30);
        expect(rows.onTimePublicationRate).toBeCloseTo(89 / 90, 6);
        fs.copyFileSync(saved, path.join(RESULTS_DIR, 'reports-2022-Q2.xlsx'));
        await shot('xlsx-downloaded');

        // 5. the print view (the server's A4 layout) in a new window
        const popup = page.context().waitForEvent('page');
        await page.getByTestId('export-print').click();
        const print = await popup;
        await print.waitForLoadState();
        expect(print.url()).toContain('/export/report.html?year=2022&period=QUARTER&quarter=2');
        await print.getByRole('heading', { name: '部门联合“双随机、一公开”监管工作通报' }).waitFor();
        expect(await print.locator('.meta').first().textContent()).toContain('2022年第2季度');
        await print.screenshot({ path: path.join(RESULTS_DIR, 'reports-10-print-view.png'), fullPage: true });
        await print.close();

        expect(session.pageErrors).toEqual([]);
    });

    it('department admin: the totals and its own department, no other department to choose', { timeout: 120_000 }, async () => {
        const session = await browsers.open(inject('baseURL'), 'reports-department');
        const { page, shot } = session;
        await login(page, 'scjg');
        await page.goto('/#/reports?period=QUARTER&year=2022&quarter=2');
        await page.getByTestId('value-targetsInspected').getByText('30', { exact: true }).waitFor();
        await page.getByTestId('department-row-SCJGJ').waitFor();
        expect(await page.getByTestId('department-table').locator('tbody tr').count()).toBe(2); // own department and the total
        await page.getByRole('combobox', { name: '部门' }).click();
        expect(await page.getByRole('option').allTextContents()).toEqual(['全部部门', '海阳市市场监督管理局']);
        await page.keyboard.press('Escape');
        await shot('department-admin');
        expect(session.pageErrors).toEqual([]);
    });
});
