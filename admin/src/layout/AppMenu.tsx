// The sidebar menu, grouped as the office's process runs (auth/access.ts MENU_SECTIONS). Each role sees only
// the resources it may list; a section with nothing visible disappears with its heading.
import AssessmentIcon from '@mui/icons-material/Assessment';
import { ListSubheader } from '@mui/material';
import { Fragment } from 'react';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';

import { canUse, MENU_SECTIONS } from '../auth/access';
import type { Permissions } from '../authProvider';

export const AppMenu = () => {
    const translate = useTranslate();
    const [open] = useSidebarState();
    const { permissions } = usePermissions<Permissions | undefined>();
    const role = permissions?.role;
    return (
        <Menu>
            <Menu.DashboardItem primaryText={translate('app.menu.dashboard')} />
            {/* the office's quarterly report (reports/ReportPage.tsx): not a resource, so listed by hand */}
            {canUse(role, 'reports', 'list') && <Menu.Item to="/reports" primaryText={translate('reports.menu')} leftIcon={<AssessmentIcon />} />}
            {MENU_SECTIONS.map(section => {
                const visible = section.resources.filter(resource => canUse(role, resource, 'list'));
                if (visible.length === 0) return null;
                return (
                    <Fragment key={section.key}>
                        {open && (
                            <ListSubheader
                                disableSticky
                                sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent', fontSize: 12 }}
                                data-testid={`menu-section-${section.key}`}
                            >
                                {translate(`app.menu.${section.key}`)}
                            </ListSubheader>
                        )}
                        {visible.map(resource => (
                            <Menu.ResourceItem key={resource} name={resource} />
                        ))}
                    </Fragment>
                );
            })}
        </Menu>
    );
};
