// GraphQL enums mirroring the Prisma enums, with Chinese descriptions. Exposing a Prisma enum column with one
// of these types fails type-checking if the value sets drift apart.
import { builder } from '../builder.ts';

const describe = <const V extends Record<string, { description: string }>>(name: string, values: V, description: string) =>
  builder.enumType(name, { description, values });

export const ItemCategory = describe('ItemCategory', { KEY: { description: '重点检查事项' }, GENERAL: { description: '一般检查事项' } }, '抽查事项类别 / Item category');
export const InspectionMethod = describe('InspectionMethod', { ON_SITE: { description: '实地核查' }, DOCUMENT: { description: '书面检查' }, ONLINE_MONITORING: { description: '网络监测' } }, '检查方式 / Method');
export const TargetType = describe('TargetType', { ENTERPRISE: { description: '企业' }, INDIVIDUAL_BUSINESS: { description: '个体工商户' }, FARMER_COOPERATIVE: { description: '农民专业合作社' }, PRODUCT: { description: '产品' }, PROJECT: { description: '工程项目' }, BEHAVIOUR: { description: '行为' } }, '检查对象类型 / Target type');
export const RiskClass = describe('RiskClass', { A: { description: '低风险' }, B: { description: '一般风险' }, C: { description: '较高风险' }, D: { description: '高风险' } }, '信用风险分类 / Credit risk class');
export const TargetStatus = describe('TargetStatus', { ACTIVE: { description: '存续' }, SUSPENDED: { description: '停业' }, DEREGISTERED: { description: '注销' } }, '市场主体状态 / Target status');
export const ListKind = describe('ListKind', { DEPARTMENT: { description: '部门' }, JOINT: { description: '联合' } }, '部门或联合 / Departmental or joint');
export const ItemListStatus = describe('ItemListStatus', { DRAFT: { description: '草稿' }, PUBLISHED: { description: '已发布' }, SUPERSEDED: { description: '已被取代' } }, '清单状态 / Item list status');
export const InspectionMode = describe('InspectionMode', { COMPREHENSIVE: { description: '综合大联查' }, RISK_BASED: { description: '风险分类联查' }, SPECIAL_CAMPAIGN: { description: '专项整治联查' } }, '联合抽查模式 / Mode');
export const PlanStatus = describe('PlanStatus', { DRAFT: { description: '草稿' }, SUBMITTED: { description: '已报送' }, PUBLISHED: { description: '已发布' }, SUPERSEDED: { description: '已被调整版本取代' } }, '计划状态 / Plan status');
export const ParticipantRole = describe('ParticipantRole', { LEAD: { description: '牵头部门' }, PARTICIPANT: { description: '参与部门' } }, '参与角色 / Role in a plan or task');
export const AcceptanceState = describe('AcceptanceState', { PENDING: { description: '待签收' }, ACCEPTED: { description: '已签收' }, DECLINED: { description: '已拒绝' } }, '签收状态 / Acceptance');
export const TaskStatus = describe('TaskStatus', { DRAFT: { description: '草稿' }, INVITING: { description: '邀约中' }, READY: { description: '待摇号' }, DRAWN: { description: '已摇号' }, DISPATCHED: { description: '已派发' }, INSPECTING: { description: '检查中' }, RESULTS_ENTERED: { description: '结果已录入' }, PUBLISHED: { description: '已公示' }, CLOSED: { description: '已办结' }, CANCELLED: { description: '已取消' }, REISSUED: { description: '已重新派发' } }, '抽查任务状态 / Task status');
export const DrawKind = describe('DrawKind', { TARGET: { description: '抽取检查对象' }, INSPECTOR: { description: '匹配执法检查人员' } }, '摇号类型 / Draw kind');
export const DrawStatus = describe('DrawStatus', { COMMITTED: { description: '已承诺' }, REVEALED: { description: '已揭示' }, LOCKED: { description: '已锁定派发' }, VOIDED: { description: '已作废' } }, '摇号状态 / Draw status');
export const TeamRole = describe('TeamRole', { LEADER: { description: '组长' }, MEMBER: { description: '组员' } }, '检查组角色 / Team role');
export const RecordStatus = describe('RecordStatus', { DRAFT: { description: '草稿' }, COMPLETE: { description: '已完成' } }, '记录表状态 / Record status');
export const SignatureStatus = describe('SignatureStatus', { PENDING: { description: '待签字' }, SIGNED: { description: '已签字' }, REFUSED: { description: '拒绝签字' } }, '签字情况 / Signature');
export const CorrectionStatus = describe('CorrectionStatus', { REQUESTED: { description: '已申请' }, APPROVED: { description: '已批准' }, REJECTED: { description: '已驳回' } }, '更正状态 / Correction status');
export const CreditEventKind = describe('CreditEventKind', { ABNORMAL_OPERATIONS: { description: '经营异常名录' }, DISHONESTY: { description: '失信记录' }, FOLLOW_UP_REQUIRED: { description: '需后续处置' } }, '信用事件类型 / Credit event kind');
export const FollowUpKind = describe('FollowUpKind', { RECTIFICATION: { description: '责令限期整改' }, CASE_FILING: { description: '立案查处' }, TRANSFER_DEPARTMENT: { description: '移送主管部门' }, TRANSFER_POLICE: { description: '移送司法机关' } }, '后续处置方式 / Follow-up kind');
export const FollowUpStatus = describe('FollowUpStatus', { OPEN: { description: '待处置' }, IN_PROGRESS: { description: '处置中' }, CLOSED: { description: '已办结' } }, '后续处置状态 / Follow-up status');
export const CalendarDayKind = describe('CalendarDayKind', { HOLIDAY: { description: '法定节假日' }, WORKDAY: { description: '调休上班日' } }, '日历日类型 / Calendar day kind');
