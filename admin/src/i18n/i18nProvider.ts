// The console's i18nProvider: Chinese by default, English on request (the locale menu in the app bar
// appears because two locales are listed). react-admin remembers the choice in its store.
// Polyglot's default missing-key warning is kept on purpose: it flags a label we forgot to translate.
import polyglotI18nProvider from 'ra-i18n-polyglot';

import en from './en';
import zhCN from './zh-CN';

export const i18nProvider = polyglotI18nProvider(
    locale => (locale === 'en' ? en : zhCN),
    'zh-CN',
    [
        { locale: 'zh-CN', name: '简体中文' },
        { locale: 'en', name: 'English' },
    ],
);
