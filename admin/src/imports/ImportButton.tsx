// "批量导入" on a target or inspector pool's page: opens the import page with the pool chosen. Only for the roles
// that may upload (auth/access.ts `imports.create`).
import UploadIcon from '@mui/icons-material/UploadFile';
import { Button, useCanAccess, useNavigate, useRecordContext } from 'react-admin';

export const ImportButton = ({ kind }: { kind: 'TARGETS' | 'INSPECTORS' }) => {
    const record = useRecordContext();
    const navigate = useNavigate();
    const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
    if (!record?.id || !canAccess) return null;
    return (
        <Button onClick={() => navigate(`/imports?kind=${kind}&poolId=${record.id}`)} label="imports.open">
            <UploadIcon />
        </Button>
    );
};
