// Simplified Chinese, the console's default language: react-admin's strings, ours, enum labels, resources.
import type { TranslationMessages } from 'react-admin';

import zhApp from './app';
import zhDraw from './draw';
import zhEnums from './enums';
import zhRa from './ra';
import zhRecords from './records';
import zhReports from './reports';
import zhRegisters from './registers';
import zhResults from './results';
import zhSystem from './system';
import zhWorkflow from './workflow';

export const zhResources = { ...zhRegisters, ...zhWorkflow, ...zhResults, ...zhSystem };

const zhCN: TranslationMessages = {
    ...zhRa,
    ...zhApp,
    ...zhDraw,
    ...zhRecords,
    ...zhReports,
    enums: zhEnums,
    resources: zhResources,
};

export default zhCN;
