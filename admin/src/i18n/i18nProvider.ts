// The console's i18nProvider: Chinese by default, English on request (the language menu in the app bar and on
// the sign-in page). English is fetched on first use, so it costs the initial load nothing. react-admin
// remembers the choice in its store (localStorage).
// Polyglot's default missing-key warning is kept on purpose: it flags a label we forgot to translate.
import polyglotI18nProvider from 'ra-i18n-polyglot';

import zhCN from './zh-CN';

export const LOCALES = [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider(
    locale => (locale === 'en' ? import('./en').then(module => module.default) : zhCN),
    'zh-CN',
    LOCALES,
);
