// The sign-in page: the platform's name, react-admin's username/password form (authProvider.login calls the
// `login` mutation), and the language switch, so an English-speaking user can read the form first.
import ShieldIcon from '@mui/icons-material/VerifiedUser';
import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

const LoginPage = () => {
    const translate = useTranslate();
    return (
        <Login avatarIcon={<ShieldIcon />} sx={{ background: 'linear-gradient(135deg, #0d47a1 0%, #1976d2 60%, #42a5f5 100%)' }}>
            <Box sx={{ px: 2, textAlign: 'center' }}>
                <Typography variant="h6" component="h1" data-testid="login-title">
                    {translate('app.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {translate('app.subtitle')}
                </Typography>
            </Box>
            <LoginForm />
            <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
                <LocalesMenuButton />
            </Box>
        </Login>
    );
};

export default LoginPage;
