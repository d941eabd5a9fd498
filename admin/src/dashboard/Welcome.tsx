// Greets the signed-in user with their role and department, and says what this page will become.
import { Card, CardContent, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';

export const Welcome = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    if (!identity) return null;
    const department = identity.department as { name: string } | null;
    return (
        <Card sx={{ background: 'linear-gradient(90deg, #1565c0 0%, #42a5f5 100%)', color: '#fff' }}>
            <CardContent>
                <Typography variant="h5" component="h2" data-testid="welcome">
                    {translate('app.dashboard.welcome', { name: identity.fullName })}
                </Typography>
                <Typography variant="body2" sx={{ opacity: 0.9, mt: 0.5 }}>
                    {translate(`enums.Role.${String(identity.role)}`)}
                    {' · '}
                    {department ? department.name : translate('app.auth.no_department')}
                </Typography>
                <Typography variant="body2" sx={{ opacity: 0.9, mt: 1 }}>
                    {translate('app.dashboard.welcome_hint')}
                </Typography>
            </CardContent>
        </Card>
    );
};
