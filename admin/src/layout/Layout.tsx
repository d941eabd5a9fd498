// The console's frame: react-admin's layout with our grouped menu and app bar, inside MUI's own strings for
// the current language (autocomplete "no options", pagination and picker labels), which react-admin's
// translations do not cover.
import { createTheme, ThemeProvider, type Theme } from '@mui/material/styles';
import { enUS, zhCN } from '@mui/material/locale';
import { useMemo, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';

import { AppBar } from './AppBar';
import { AppMenu } from './AppMenu';

const withLocale = (locale: string) => (outer: Theme) => createTheme(outer, locale === 'en' ? enUS : zhCN);

export const Layout = ({ children }: { children: ReactNode }) => {
    const [locale] = useLocaleState();
    const theme = useMemo(() => withLocale(locale), [locale]);
    return (
        <ThemeProvider theme={theme}>
            <RaLayout menu={AppMenu} appBar={AppBar}>
                {children}
            </RaLayout>
        </ThemeProvider>
    );
};
