// "两库更新确认": confirms a target pool (with its sub-pools) or an inspector pool is current (`confirmPool`).
import VerifiedIcon from '@mui/icons-material/FactCheck';

import { ActionButton } from './ActionButton';

export const ConfirmPoolButton = () => (
    <ActionButton action="confirm" label="app.action.confirm_pool" confirm="app.action.confirm_pool_confirm" icon={<VerifiedIcon />} />
);
