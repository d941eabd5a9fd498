// react-admin choices for the API's enums, in each enum's natural order; labels are i18n keys
// (`enums.<Enum>.<VALUE>`, i18n/zh-CN/enums.ts). One place, so every list, filter and form agrees.
import type zhEnums from '../i18n/zh-CN/enums';

type EnumName = keyof typeof zhEnums;

const choicesOf = <E extends EnumName>(name: E, values: readonly (keyof (typeof zhEnums)[E] & string)[]) =>
    values.map(id => ({ id, name: `enums.${name}.${id}` }));

export const acceptanceChoices = choicesOf('AcceptanceState', ['PENDING', 'ACCEPTED', 'DECLINED']);
export const apiKeyScopeChoices = choicesOf('ApiKeyScope', ['REGISTERS_READ', 'RESULTS_READ', 'REPORTS_READ', 'TARGETS_IMPORT']);
export const calendarDayKindChoices = choicesOf('CalendarDayKind', ['HOLIDAY', 'WORKDAY']);
export const correctionStatusChoices = choicesOf('CorrectionStatus', ['REQUESTED', 'APPROVED', 'REJECTED']);
export const creditEventKindChoices = choicesOf('CreditEventKind', ['ABNORMAL_OPERATIONS', 'DISHONESTY', 'FOLLOW_UP_REQUIRED']);
export const drawKindChoices = choicesOf('DrawKind', ['TARGET', 'INSPECTOR']);
export const drawStatusChoices = choicesOf('DrawStatus', ['COMMITTED', 'REVEALED', 'LOCKED', 'VOIDED']);
export const followUpKindChoices = choicesOf('FollowUpKind', ['RECTIFICATION', 'CASE_FILING', 'TRANSFER_DEPARTMENT', 'TRANSFER_POLICE']);
export const followUpStatusChoices = choicesOf('FollowUpStatus', ['OPEN', 'IN_PROGRESS', 'CLOSED']);
export const methodChoices = choicesOf('InspectionMethod', ['ON_SITE', 'DOCUMENT', 'ONLINE_MONITORING']);
export const modeChoices = choicesOf('InspectionMode', ['COMPREHENSIVE', 'RISK_BASED', 'SPECIAL_CAMPAIGN']);
export const itemCategoryChoices = choicesOf('ItemCategory', ['KEY', 'GENERAL']);
export const itemListStatusChoices = choicesOf('ItemListStatus', ['DRAFT', 'PUBLISHED', 'SUPERSEDED']);
export const listKindChoices = choicesOf('ListKind', ['DEPARTMENT', 'JOINT']);
export const participantRoleChoices = choicesOf('ParticipantRole', ['LEAD', 'PARTICIPANT']);
export const planStatusChoices = choicesOf('PlanStatus', ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'SUPERSEDED']);
export const recordStatusChoices = choicesOf('RecordStatus', ['DRAFT', 'COMPLETE']);
export const resultCodeChoices = (['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const).map(code => ({
    id: Number(code),
    name: `enums.ResultCode.${code}`,
}));
export const riskClassChoices = choicesOf('RiskClass', ['A', 'B', 'C', 'D']);
export const roleChoices = choicesOf('Role', ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'INSPECTOR', 'ANALYST']);
export const signatureChoices = choicesOf('SignatureStatus', ['PENDING', 'SIGNED', 'REFUSED']);
export const targetStatusChoices = choicesOf('TargetStatus', ['ACTIVE', 'SUSPENDED', 'DEREGISTERED']);
export const targetTypeChoices = choicesOf('TargetType', ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER_COOPERATIVE', 'PRODUCT', 'PROJECT', 'BEHAVIOUR']);
/** The task's lifecycle order. */
export const taskStatusChoices = choicesOf('TaskStatus', [
    'DRAFT',
    'INVITING',
    'READY',
    'DRAWN',
    'DISPATCHED',
    'INSPECTING',
    'RESULTS_ENTERED',
    'PUBLISHED',
    'CLOSED',
    'CANCELLED',
    'REISSUED',
]);
export const teamRoleChoices = choicesOf('TeamRole', ['LEADER', 'MEMBER']);
