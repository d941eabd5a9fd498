// The top bar: page title, language switch (react-admin adds it for our two locales), and a user menu that
// says who is signed in, in which role and department, before the logout entry.
import BadgeIcon from '@mui/icons-material/Badge';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { AppBar as RaAppBar, Logout, UserMenu, useGetIdentity, useTranslate } from 'react-admin';

const IdentityItem = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    if (!identity) return null;
    const department = identity.department as { name: string } | null;
    const secondary = [
        department ? translate('app.auth.department', { department: department.name }) : translate('app.auth.no_department'),
        identity.isDepartmentHead ? translate('app.auth.department_head') : null,
    ]
        .filter(Boolean)
        .join(' · ');
    return (
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }} data-testid="identity">
            <ListItemIcon>
                <BadgeIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
                primary={translate('app.auth.signed_in_as', {
                    name: identity.fullName,
                    role: translate(`enums.Role.${String(identity.role)}`),
                })}
                secondary={secondary}
            />
        </MenuItem>
    );
};

const AppUserMenu = () => (
    <UserMenu>
        <IdentityItem />
        <Logout />
    </UserMenu>
);

export const AppBar = () => <RaAppBar userMenu={<AppUserMenu />} />;
