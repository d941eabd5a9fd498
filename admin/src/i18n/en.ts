// English messages: react-admin's own strings from ra-language-english plus our resource labels.
// Keys must match zh-CN.ts; English terms follow the glossary in shared/docs/domain.md.
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const en: TranslationMessages = {
    ...englishMessages,
    app: {
        notification: {
            not_yet_available: 'Not yet available',
        },
    },
    resources: {
        departments: {
            name: 'Department |||| Departments',
            fields: {
                id: 'ID',
                code: 'Code',
                name: 'Full name',
                shortName: 'Short name',
                isOfficeHost: 'Joint-meeting office',
                liaisonName: 'Liaison',
                liaisonPhone: 'Liaison phone',
            },
        },
        targets: {
            name: 'Target |||| Targets',
            fields: {
                id: 'ID',
                q: 'Search name or USCC',
                uscc: 'Unified social credit code',
                name: 'Name',
                legalRepresentative: 'Legal representative',
                address: 'Address',
                regionCode: 'Region code',
                industryCode: 'Industry code',
                riskClass: 'Credit risk class',
                status: 'Status',
                onAbnormalList: 'On abnormal-operations list',
            },
            riskClass: {
                A: 'A (low risk)',
                B: 'B (medium risk)',
                C: 'C (elevated risk)',
                D: 'D (high risk)',
            },
            status: {
                ACTIVE: 'Active',
                SUSPENDED: 'Suspended',
                DEREGISTERED: 'Deregistered',
            },
        },
        tasks: {
            name: 'Task |||| Tasks',
            fields: {
                id: 'ID',
                code: 'Code',
                name: 'Name',
                year: 'Year',
                status: 'Status',
                windowStart: 'Window start',
                windowEnd: 'Window end',
                inspectionEndOn: 'Inspection ends',
                leadDepartment: 'Lead department',
            },
            status: {
                DRAFT: 'Draft',
                INVITING: 'Awaiting acceptance',
                READY: 'Ready to draw',
                DRAWN: 'Drawn',
                DISPATCHED: 'Dispatched',
                INSPECTING: 'Inspecting',
                RESULTS_ENTERED: 'Results entered',
                PUBLISHED: 'Published',
                CLOSED: 'Closed',
                CANCELLED: 'Cancelled',
                REISSUED: 'Re-issued',
            },
        },
    },
};

export default en;
