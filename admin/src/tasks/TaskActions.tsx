// What can be done with a task from its page, by state and role (the server decides in the end):
// DRAFT → edit, invite the participants (lead department or office); INVITING → a participating department
// that has not answered accepts or declines with a reason; any state before the end → cancel with a reason
// (lead department or office); READY or later → the guided draw screen (run by the lead department or office,
// followed by everyone else).
import CancelIcon from '@mui/icons-material/Cancel';
import CheckIcon from '@mui/icons-material/HowToReg';
import DeclineIcon from '@mui/icons-material/DoNotDisturbOn';
import DrawIcon from '@mui/icons-material/Casino';
import RecordsIcon from '@mui/icons-material/Assignment';
import SendIcon from '@mui/icons-material/Send';
import { Button, EditButton, TopToolbar, useNavigate, usePermissions, useRecordContext, type RaRecord } from 'react-admin';

import type { Permissions } from '../authProvider';
import { ActionButton } from '../shared/ActionButton';
import { ReissueButton } from './ReissueDialog';

const TERMINAL = ['CLOSED', 'CANCELLED', 'REISSUED'];
/** States with a draw to run (READY: targets; DRAWN: inspectors) or to look at (later states). */
const DRAW_STEPS = ['READY', 'DRAWN'];
const BEFORE_DRAW = ['DRAFT', 'INVITING', 'CANCELLED'];
/** States with records to enter, publish or read (after the inspector draw is dispatched). */
const WITH_RECORDS = ['DISPATCHED', 'INSPECTING', 'RESULTS_ENTERED', 'PUBLISHED', 'CLOSED', 'REISSUED'];

const awaitsMe = (departmentId: string | null | undefined) => (task: RaRecord) =>
    task.status === 'INVITING' &&
    (task.participants ?? []).some(
        (p: { acceptance: string; department?: { id: string } }) => p.acceptance === 'PENDING' && p.department?.id === departmentId,
    );

export const TaskActions = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const mine = awaitsMe(permissions?.departmentId);
    const leads = (task: RaRecord) => permissions?.role === 'OFFICE_ADMIN' || task.leadDepartment?.id === permissions?.departmentId;
    const navigate = useNavigate();
    // The guided draw screen: to run the draw (office, lead department's admins) or to follow it (everyone else).
    const runsDraw = !!record && DRAW_STEPS.includes(record.status) && leads(record) && (permissions?.role === 'OFFICE_ADMIN' || permissions?.role === 'DEPARTMENT_ADMIN');
    const drawLabel = runsDraw ? 'drawScreen.open' : 'drawScreen.open_results';
    return (
        <TopToolbar>
            {record?.id && !BEFORE_DRAW.includes(record.status) && (
                <Button label={drawLabel} variant={runsDraw ? 'contained' : 'text'} onClick={() => navigate(`/tasks/${record.id}/draw`)}>
                    <DrawIcon />
                </Button>
            )}
            {record?.id && WITH_RECORDS.includes(record.status) && (
                <Button label="taskRecords.open" variant="contained" onClick={() => navigate(`/tasks/${record.id}/records`)}>
                    <RecordsIcon />
                </Button>
            )}
            <ReissueButton />
            <ActionButton action="accept" label="app.action.accept" confirm="app.action.accept_confirm" icon={<CheckIcon />} when={mine} />
            <ActionButton action="decline" label="app.action.decline" confirm="app.action.decline_hint" reason icon={<DeclineIcon />} color="error" when={mine} />
            <ActionButton action="invite" label="app.action.invite" confirm="app.action.invite_confirm" icon={<SendIcon />} when={r => r.status === 'DRAFT' && leads(r)} />
            {record?.status === 'DRAFT' && leads(record) && <EditButton />}
            <ActionButton action="cancel" label="app.action.cancel_task" confirm="app.action.cancel_hint" reason icon={<CancelIcon />} color="error" when={r => !TERMINAL.includes(r.status) && leads(r)} />
        </TopToolbar>
    );
};
