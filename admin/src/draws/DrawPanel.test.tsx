// The draw screen's components with a mocked data provider (jsdom): the commitment and the public-input source
// are shown before reveal, reveal is possible only with a public input and only for the roles that may draw, the
// browser's own recomputation shows "已验证" for the evidence of DRAW.md's worked example and "验证失败" with the
// first difference for a tampered copy, and NO_ELIGIBLE_INSPECTOR names the target and the department.
// (environment: the admin project's jsdom, vitest.config.ts)
import { webcrypto } from 'node:crypto';

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, HttpError, type AuthProvider } from 'react-admin';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { DrawRecord } from '../dataProvider/draws';
import { i18nProvider } from '../i18n/i18nProvider';
import { CommitForm } from './CommitForm';
import { DrawPanel } from './DrawPanel';
import { TARGET_PARAMS, targetExample } from './verify.fixtures';
import type { DrawEvidence } from './verify';

beforeAll(() => {
    // jsdom's window has no SubtleCrypto; the browser's WebCrypto is Node's here.
    if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});
afterEach(cleanup);

/** The machine running the suite may be busy: give asynchronous steps (data provider, WebCrypto) time. */
const slow = { timeout: 10_000 };

const LEAD = { id: 'd-scjgj', code: 'SCJGJ', name: '海阳市市场监督管理局', shortName: '市场监管局' };
const YJGLJ = { id: 'd-yjglj', code: 'YJGLJ', name: '海阳市应急管理局', shortName: '应急管理局' };

const authAs = (role: string, departmentId: string | null): AuthProvider => ({
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => ({ role, departmentId, isDepartmentHead: false }),
    canAccess: async () => true,
});

const committedEvidence = (): DrawEvidence => {
    const e = targetExample();
    return { ...e, draw: { ...e.draw, status: 'COMMITTED' }, serverSeed: null, publicInput: null, seed: null, selected: null, resultHash: null };
};

function drawRecord(evidence: DrawEvidence): DrawRecord {
    return {
        id: 'draw-1',
        kind: 'TARGET',
        status: evidence.draw.status,
        algorithm: 'sha256-rank-v1',
        stratified: true,
        params: TARGET_PARAMS,
        candidateCount: evidence.candidateCount,
        candidateHash: evidence.candidateHash,
        commitment: evidence.commitment,
        publicInputSource: evidence.publicInputSource,
        publicInput: evidence.publicInput,
        seed: evidence.seed,
        serverSeed: evidence.serverSeed,
        resultHash: evidence.resultHash,
        selectedCount: evidence.selected?.length ?? null,
        targetCount: evidence.selected?.length ?? 0,
        voidReason: null,
        committedAt: '2026-11-22T01:00:00Z',
        revealedAt: null,
        lockedAt: null,
        voidedAt: null,
        task: { id: 'task-1', code: '2026-SCJGJ-001', name: '2026年食品生产企业部门联合抽查', status: 'READY', leadDepartment: LEAD },
    };
}

/** A data provider whose draw moves from COMMITTED to REVEALED when revealDraw is called. */
function mockProvider(revealed: DrawEvidence = targetExample()) {
    let evidence = committedEvidence();
    const provider = {
        getDraw: vi.fn(async () => drawRecord(evidence)),
        drawEvidence: vi.fn(async () => structuredClone(evidence)),
        drawTargets: vi.fn(async () =>
            (evidence.selected ?? []).map(s => ({ ...s, target: { id: `t-${s.uscc}`, name: `企业 ${s.uscc.slice(-4)}`, riskClass: s.stratum } })),
        ),
        drawTeams: vi.fn(async () => []),
        revealDraw: vi.fn(async () => {
            evidence = revealed;
            return drawRecord(evidence);
        }),
        lockDraw: vi.fn(),
        voidDraw: vi.fn(),
        commitDraw: vi.fn(),
    };
    return provider;
}

const renderPanel = (provider: ReturnType<typeof mockProvider>, auth = authAs('DEPARTMENT_ADMIN', LEAD.id)) =>
    render(
        <AdminContext dataProvider={provider as never} authProvider={auth} i18nProvider={i18nProvider}>
            <DrawPanel drawId="draw-1" />
        </AdminContext>,
    );

describe('DrawPanel', () => {
    it('shows the commitment and the public-input source before reveal; reveal needs a public input', async () => {
        const provider = mockProvider();
        renderPanel(provider);
        expect(await screen.findByTestId('commitment', {}, slow)).toHaveProperty('textContent', targetExample().commitment);
        expect(screen.getByTestId('public-input-source').textContent).toBe('现场观察员读数（福彩3D 第2026085期开奖号）');
        // candidates and sample size per stratum, from the committed parameters
        const strata = within(screen.getByTestId('strata'));
        expect(strata.getByText('A 类（低风险）').closest('tr')!.textContent).toContain('42');
        expect(strata.getByText('D 类（高风险）').closest('tr')!.textContent).toContain('63');
        // before reveal the browser checks the candidate hash and the parameters
        expect(await screen.findByText('已验证（揭示前）', {}, slow)).toBeTruthy();

        const reveal = screen.getByRole('button', { name: '揭示' }) as HTMLButtonElement;
        expect(reveal.disabled).toBe(true);
        fireEvent.change(screen.getByTestId('public-input'), { target: { value: '   ' } });
        expect(reveal.disabled).toBe(true);
        fireEvent.change(screen.getByTestId('public-input'), { target: { value: '福彩3D 2026085 471' } });
        expect(reveal.disabled).toBe(false);
        fireEvent.click(reveal);
        fireEvent.click(await screen.findByRole('button', { name: '确认' }, slow));
        await waitFor(() => expect(provider.revealDraw).toHaveBeenCalledWith('draw-1', '福彩3D 2026085 471'), slow);

        // the revealed draw: verified in the browser, the selection by stratum in ticket order
        expect(await screen.findByText('已验证', {}, slow)).toBeTruthy();
        expect(screen.getByTestId('verify-ok')).toBeTruthy();
        const selection = within(screen.getByTestId('selection'));
        const usccs = selection.getAllByText(/^91370687MA3C00\d\dX.$/).map(cell => cell.textContent);
        expect(usccs).toEqual(['91370687MA3C0010XQ', '91370687MA3C0024XJ', '91370687MA3C0038XC', '91370687MA3C0031X5', '91370687MA3C0073XX']);
        expect(await screen.findByRole('button', { name: '锁定并派发' }, slow)).toBeTruthy();
    });

    it('shows a mismatch with the first difference for tampered evidence', async () => {
        const tampered = targetExample();
        tampered.selected = [tampered.selected![1]!, tampered.selected![0]!, ...tampered.selected!.slice(2)];
        const provider = mockProvider(tampered);
        provider.getDraw.mockImplementation(async () => drawRecord(tampered));
        provider.drawEvidence.mockImplementation(async () => structuredClone(tampered));
        renderPanel(provider);
        const alert = await screen.findByTestId('verify-mismatch', {}, slow);
        expect(alert.textContent).toContain('验证失败');
        expect(alert.textContent).toContain('第一处不一致：抽取结果（签号与名次）');
        expect(alert.textContent).toContain('selected[0]');
        expect(screen.queryByText('已验证')).toBeNull();
    });

    it('a changed server seed fails at the commitment', async () => {
        const tampered = targetExample();
        tampered.serverSeed = `0${tampered.serverSeed!.slice(1)}`;
        const provider = mockProvider();
        provider.getDraw.mockImplementation(async () => drawRecord(tampered));
        provider.drawEvidence.mockImplementation(async () => structuredClone(tampered));
        renderPanel(provider);
        expect((await screen.findByTestId('verify-mismatch', {}, slow)).textContent).toContain('承诺值 = SHA-256(服务器种子)');
    });

    it('no draw buttons for a department that does not lead the task, nor for an analyst', async () => {
        for (const auth of [authAs('DEPARTMENT_ADMIN', YJGLJ.id), authAs('ANALYST', null)]) {
            renderPanel(mockProvider(), auth);
            await screen.findByTestId('commitment', {}, slow);
            await screen.findByText('已验证（揭示前）', {}, slow);
            expect(screen.queryByRole('button', { name: '揭示' })).toBeNull();
            expect(screen.queryByRole('button', { name: '作废' })).toBeNull();
            cleanup();
        }
    });
});

describe('CommitForm', () => {
    it('names the target and the department when no inspector is eligible', async () => {
        const provider = mockProvider();
        const message = '检查对象 91370687MA3C0038XC 在部门 YJGLJ 没有可匹配的执法检查人员';
        provider.commitDraw.mockRejectedValue(
            new HttpError(message, 400, { graphQLErrors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason: 'NO_ELIGIBLE_INSPECTOR', uscc: '91370687MA3C0038XC', department: 'YJGLJ' } }] }),
        );
        render(
            <AdminContext dataProvider={provider as never} authProvider={authAs('DEPARTMENT_ADMIN', LEAD.id)} i18nProvider={i18nProvider}>
                <CommitForm kind="INSPECTOR" taskId="task-1" departments={[LEAD, YJGLJ]} onCommitted={() => undefined} />
            </AdminContext>,
        );
        const commit = (await screen.findByRole('button', { name: '承诺检查人员摇号' }, slow)) as HTMLButtonElement;
        expect(commit.disabled).toBe(true);
        fireEvent.change(screen.getByRole('textbox', { name: '公开输入来源' }), { target: { value: '现场观察员读数' } });
        fireEvent.click(commit);
        const alert = await screen.findByTestId('draw-error', {}, slow);
        expect(alert.textContent).toContain('没有可匹配的执法检查人员：检查对象 91370687MA3C0038XC，部门 海阳市应急管理局（YJGLJ）');
        expect(alert.textContent).toContain(message);
        expect(provider.commitDraw).toHaveBeenCalledWith('INSPECTOR', 'task-1', '现场观察员读数');
    });
});
