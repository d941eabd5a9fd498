// A re-issued task's lineage, on both tasks: "re-issued from <original> (reason)" and "re-issued as <new tasks>",
// plus the targets a re-issue's draw is restricted to.
import { Alert, Box } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';

interface TaskRef {
    id: string;
    code: string;
    name: string;
}

export const TaskLineage = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const from = record.reissuedFrom as TaskRef | null | undefined;
    const reissues = (record.reissues ?? []) as TaskRef[];
    const restricted = (record.scopeTargetIds ?? []) as string[];
    if (!from && reissues.length === 0) return null;
    return (
        <Box sx={{ mb: 1 }} data-testid="task-lineage">
            {from && (
                <Alert severity="info" sx={{ mb: 1 }} data-testid="reissued-from">
                    {translate('reissue.from')} <Link to={`/tasks/${from.id}/show`}>{`${from.code} ${from.name}`}</Link>
                    {record.reissueReason && ` — ${translate('reissue.reason')}：${record.reissueReason}`}
                    {restricted.length > 0 && ` · ${translate('reissue.restricted', { count: restricted.length })}`}
                </Alert>
            )}
            {reissues.length > 0 && (
                <Alert severity="warning" data-testid="reissues">
                    {translate('reissue.reissued_as')}{' '}
                    {reissues.map((task, index) => (
                        <span key={task.id}>
                            {index > 0 && '、'}
                            <Link to={`/tasks/${task.id}/show`}>{`${task.code} ${task.name}`}</Link>
                        </span>
                    ))}
                    {record.reissuedAt && ` (${new Date(record.reissuedAt as string).toLocaleString()})`}
                </Alert>
            )}
        </Box>
    );
};
