// The record form (联合抽查情况记录表) with a mocked data provider (jsdom): every participating department's check
// items are shown and only the user's own department's rows can be edited; off site only codes 4 and 6 are
// offered; saving sends the header and then the results, each with an idempotency key (a UUID) that a retry of
// the same submit reuses; a server input error appears under the field it names (`inspectedOn`,
// `results[0].code`). (environment: the admin project's jsdom, vitest.config.ts)
import { webcrypto } from 'node:crypto';

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, HttpError, type AuthProvider } from 'react-admin';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { InspectionRecordData, RecordContextData } from '../dataProvider/records';
import { i18nProvider } from '../i18n/i18nProvider';
import { RecordForm } from './RecordForm';

beforeAll(() => {
    if (!globalThis.crypto?.randomUUID) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});
afterEach(cleanup);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const YJGLJ = { id: 'd-yjglj', code: 'YJGLJ', name: '海阳市应急管理局', shortName: '应急管理局' };
const STHJJ = { id: 'd-sthjj', code: 'STHJJ', name: '海阳市生态环境局', shortName: '生态环境局' };
const item = (id: string, name: string) => ({ id, code: id.toUpperCase(), name, category: 'KEY', legalBasis: '' });

const context = (): RecordContextData => ({
    task: {
        id: 'task-1',
        code: '2022-YJGLJ-002',
        name: '2022年工业生产企业风险分类联查',
        status: 'DISPATCHED',
        windowStart: '2022-09-13',
        windowEnd: '2022-11-18',
        inspectionEndOn: '2022-11-18',
        publicationDueOn: '2022-12-16',
        leadDepartment: YJGLJ,
        participants: [
            { role: 'LEAD', acceptance: 'ACCEPTED', department: YJGLJ },
            { role: 'PARTICIPANT', acceptance: 'ACCEPTED', department: STHJJ },
        ],
        items: [
            { department: { id: YJGLJ.id }, checkItem: item('yj-1', '安全生产主体责任落实情况') },
            { department: { id: YJGLJ.id }, checkItem: item('yj-2', '危险化学品储存情况') },
            { department: { id: STHJJ.id }, checkItem: item('st-1', '排污许可执行情况') },
        ],
        draws: [],
    },
    target: { id: 'target-1', name: '海阳市示例机械制造有限公司', uscc: '91370687MA3C1234X5', address: '海阳市经济开发区 1 号', legalRepresentative: '张三' },
    team: [
        { id: 'seat-1', role: 'LEADER', department: YJGLJ, inspector: { id: 'insp-1', name: '李明', certificateNo: '37060001' } },
        { id: 'seat-2', role: 'MEMBER', department: STHJJ, inspector: { id: 'insp-2', name: '王芳', certificateNo: '37060002' } },
    ],
    record: null,
});

const savedRecord = (): InspectionRecordData => ({
    id: 'record-1',
    status: 'DRAFT',
    inspectedOn: '2022-10-10',
    onSite: true,
    methods: ['ON_SITE'],
    signatureStatus: 'PENDING',
    signatoryName: null,
    refusalNote: null,
    disposalOpinion: null,
    remarks: null,
    completedAt: null,
    updatedAt: '2026-11-22T01:00:00Z',
    inspectors: [{ id: 'insp-1' }],
    results: [],
    publications: [],
    attachments: [],
});

const authAs = (departmentId: string): AuthProvider => ({
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => ({ role: 'DEPARTMENT_ADMIN', departmentId, isDepartmentHead: true }),
    canAccess: async () => true,
});

function fieldError(field: string, message: string) {
    return new HttpError(`${field}：${message}`, 400, {
        graphQLErrors: [{ message: `${field}：${message}`, extensions: { code: 'BAD_USER_INPUT', field, reason: 'TEST', messageZh: `${field}：${message}` } }],
    });
}

function renderForm(provider: Record<string, unknown>) {
    return render(
        <AdminContext dataProvider={provider as never} authProvider={authAs(YJGLJ.id)} i18nProvider={i18nProvider}>
            <RecordForm taskId="task-1" targetId="target-1" />
        </AdminContext>,
    );
}

const mockProvider = () => ({
    recordContext: vi.fn(async () => context()),
    saveRecord: vi.fn(async (_input: unknown, _key: string) => savedRecord()),
    enterItemResults: vi.fn(async (_id: string, _rows: unknown, _key: string) => savedRecord()),
});

/** Opens the MUI select of an item and returns the offered option texts. */
async function optionsOf(itemId: string): Promise<string[]> {
    const row = screen.getByTestId(`result-row-${itemId}`);
    fireEvent.mouseDown(within(row).getByRole('combobox'));
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox)
        .getAllByRole('option')
        .filter(option => option.getAttribute('aria-disabled') !== 'true' && option.getAttribute('data-value') !== '')
        .map(option => option.textContent ?? '');
    fireEvent.keyDown(listbox, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    return options;
}

async function chooseCode(itemId: string, text: string) {
    const row = screen.getByTestId(`result-row-${itemId}`);
    fireEvent.mouseDown(within(row).getByRole('combobox'));
    const listbox = await screen.findByRole('listbox');
    fireEvent.click(within(listbox).getByText(text));
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

async function fillHeader() {
    await screen.findByTestId('record-form');
    await waitFor(() => expect(screen.getByTestId('result-row-yj-1').getAttribute('data-editable')).toBe('true'));
    fireEvent.change(screen.getByLabelText('检查日期'), { target: { value: '2022-10-10' } });
    fireEvent.click(screen.getByLabelText('李明 到场'));
}

describe('the record form', () => {
    it('lays out the target and every department with its items; only the own department’s rows are editable', async () => {
        renderForm(mockProvider());
        await screen.findByText('联合抽查情况记录表');
        expect(screen.getByTestId('target-uscc').textContent).toBe('91370687MA3C1234X5');
        expect(screen.getByTestId('target-name').textContent).toBe('海阳市示例机械制造有限公司');
        // both departments' blocks with their items
        const table = screen.getByTestId('results-table');
        for (const text of ['应急管理局', '生态环境局', '安全生产主体责任落实情况', '危险化学品储存情况', '排污许可执行情况']) {
            expect(within(table).getByText(text)).toBeTruthy();
        }
        await waitFor(() => expect(screen.getByTestId('result-row-yj-1').getAttribute('data-editable')).toBe('true'));
        expect(screen.getByTestId('result-row-yj-2').getAttribute('data-editable')).toBe('true');
        expect(within(screen.getByTestId('result-row-yj-1')).queryByRole('combobox')).not.toBeNull();
        // the other department's row: no input, its result is not visible before publication
        const other = screen.getByTestId('result-row-st-1');
        expect(other.getAttribute('data-editable')).toBe('false');
        expect(within(other).queryByRole('combobox')).toBeNull();
        expect(within(other).queryByRole('textbox')).toBeNull();
        // the team matched by the inspector draw, with certificate numbers
        expect(screen.getByText('37060001')).toBeTruthy();
        expect(screen.getByText('37060002')).toBeTruthy();
    });

    it('offers codes 1–10 on site and only 4 and 6 off site', async () => {
        renderForm(mockProvider());
        await fillHeader();
        const onSite = await optionsOf('yj-1');
        expect(onSite).toHaveLength(10);
        fireEvent.click(screen.getByLabelText('未能实地检查'));
        const offSite = await optionsOf('yj-1');
        expect(offSite).toEqual(['4 通过登记的住所（经营场所）无法取得联系', '6 不配合检查情节严重']);
    });

    it('saves the header and the own results with idempotency keys, reusing them when the same submit is retried', async () => {
        const provider = mockProvider();
        // the first attempt is lost on the network; the retry succeeds
        provider.saveRecord.mockRejectedValueOnce(new HttpError('ra.notification.http_error', 0));
        renderForm(provider);
        await fillHeader();
        await chooseCode('yj-1', '1 未发现问题');
        await chooseCode('yj-2', '5 发现问题已责令整改');
        fireEvent.click(screen.getByTestId('save-record'));
        await waitFor(() => expect(provider.saveRecord).toHaveBeenCalledTimes(1));
        await waitFor(() => expect((screen.getByTestId('save-record') as HTMLButtonElement).disabled).toBe(false));
        fireEvent.click(screen.getByTestId('save-record'));
        await waitFor(() => expect(provider.enterItemResults).toHaveBeenCalledTimes(1));

        const [firstInput, firstKey] = provider.saveRecord.mock.calls[0]!;
        const [retryInput, retryKey] = provider.saveRecord.mock.calls[1]!;
        expect(firstKey).toMatch(UUID);
        expect(retryKey).toBe(firstKey);
        expect(retryInput).toEqual(firstInput);
        expect(firstInput).toMatchObject({ taskId: 'task-1', targetId: 'target-1', inspectedOn: '2022-10-10', inspectorIds: ['insp-1'], onSite: true, signatureStatus: 'PENDING' });

        const [recordId, rows, resultsKey] = provider.enterItemResults.mock.calls[0]!;
        expect(recordId).toBe('record-1');
        // only the own department's items are sent
        expect(rows).toEqual([
            { checkItemId: 'yj-1', code: 1, note: null },
            { checkItemId: 'yj-2', code: 5, note: null },
        ]);
        expect(resultsKey).toMatch(UUID);
        expect(resultsKey).not.toBe(firstKey);

        // a new submit after success is a new attempt: a new key
        fireEvent.click(screen.getByTestId('save-record'));
        await waitFor(() => expect(provider.saveRecord).toHaveBeenCalledTimes(3));
        expect(provider.saveRecord.mock.calls[2]![1]).not.toBe(firstKey);
    });

    it('shows a server input error on the field it names', async () => {
        const provider = mockProvider();
        provider.saveRecord.mockRejectedValueOnce(fieldError('inspectedOn', '检查日期应在任务执行期内（2022-09-13 至 2022-11-18）'));
        provider.enterItemResults.mockRejectedValueOnce(fieldError('results[1].code', '未实地检查时只能录入结果 4（通过登记的住所（经营场所）无法取得联系）或6（不配合检查情节严重）'));
        renderForm(provider);
        await fillHeader();
        await chooseCode('yj-1', '1 未发现问题');
        await chooseCode('yj-2', '9 合格');

        fireEvent.click(screen.getByTestId('save-record'));
        const dateError = await screen.findByText('检查日期应在任务执行期内（2022-09-13 至 2022-11-18）');
        // under the date input (its helper text), not as a form-level message
        expect(dateError.id).toBe(screen.getByLabelText('检查日期').getAttribute('aria-describedby'));

        fireEvent.click(screen.getByTestId('save-record'));
        const codeError = await screen.findByTestId('error-code-yj-2');
        expect(codeError.textContent).toContain('未实地检查时只能录入结果 4');
        expect(screen.queryByTestId('error-code-yj-1')).toBeNull();
        expect(screen.queryByTestId('form-error')).toBeNull();
    });
});
