// English, loaded only when a user switches to it (its own chunk): react-admin's strings and ours.
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

import type { zhResources } from '../zh-CN';
import type { SameKeys } from '../shape';
import enApp from './app';
import enDraw from './draw';
import enEnums from './enums';
import enRecords from './records';
import enReports from './reports';
import enRegisters from './registers';
import enResults from './results';
import enSystem from './system';
import enWorkflow from './workflow';

const enResources: SameKeys<typeof zhResources> = { ...enRegisters, ...enWorkflow, ...enResults, ...enSystem };

const en: TranslationMessages = {
    ...englishMessages,
    ...enApp,
    ...enDraw,
    ...enRecords,
    ...enReports,
    enums: enEnums,
    resources: enResources,
};

export default en;
