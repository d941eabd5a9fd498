// The 2022 joint annual plan of the demo and its tasks (抽查任务), in several states of the task lifecycle.
// Draws and records are left empty: the draw engine creates them.

export type DemoTaskStatus = 'DRAFT' | 'INVITING' | 'READY' | 'CLOSED' | 'CANCELLED';
export type DemoMode = 'COMPREHENSIVE' | 'RISK_BASED' | 'SPECIAL_CAMPAIGN';

export interface DemoTask {
  code: string;
  name: string;
  mode: DemoMode;
  status: DemoTaskStatus;
  lead: string;
  /** Items per department; the lead's come first. */
  items: Record<string, string[]>;
  /** Departments that have accepted (the lead always has). Others stay PENDING. */
  accepted?: string[];
  windowStart: string;
  windowEnd: string;
  ratios: [number, number, number, number];
  scopeIndustryCodes: string[];
  /** Pools to draw from: "DEPT" (main pool) or "DEPT|domain" (sub-pool). */
  pools: string[];
  cancelReason?: string;
  closedAt?: string;
}

export const JOINT_PLAN = {
  name: '海阳市2022年度部门联合“双随机、一公开”抽查计划',
  year: 2022,
  windowStart: '2022-03-01',
  windowEnd: '2022-11-30',
  ratios: [300, 500, 1000, 2000] as [number, number, number, number],
  publishedAt: '2022-02-18T10:00:00+08:00',
  description:
    '依据各成员单位2022年度抽查计划汇总编制。在食品生产企业、中高风险工业产品生产企业、加油站、不定时工作制企业、餐饮业、旅馆业、工业生产企业、学校等重点领域开展部门联合抽查，按信用风险分类实施差异化抽查（A类3%、B类5%、C类10%、D类20%），同一检查对象年度内原则上抽查不超过两次，11月底前完成全部抽查工作。',
};

/** Departmental annual plans (部门年度抽查计划) submitted by 20 January and compiled into the joint plan. */
export const DEPARTMENT_PLANS: { department: string; mode: DemoMode; ratios: [number, number, number, number] }[] = [
  { department: 'SCJGJ', mode: 'RISK_BASED', ratios: [300, 500, 1000, 2000] },
  { department: 'YJGLJ', mode: 'RISK_BASED', ratios: [300, 600, 1200, 2500] },
  { department: 'RSJ', mode: 'COMPREHENSIVE', ratios: [300, 500, 800, 1500] },
  { department: 'GAJ', mode: 'COMPREHENSIVE', ratios: [500, 500, 1000, 2000] },
  { department: 'JYTYJ', mode: 'SPECIAL_CAMPAIGN', ratios: [1000, 1000, 1500, 2000] },
  { department: 'ZJJ', mode: 'COMPREHENSIVE', ratios: [300, 500, 1000, 2000] },
];

export const TASKS: DemoTask[] = [
  {
    code: '2022-SCJGJ-001', name: '2022年食品生产企业部门联合抽查', mode: 'COMPREHENSIVE', status: 'CLOSED', lead: 'SCJGJ',
    items: { SCJGJ: ['SCJGJ-SP-01', 'SCJGJ-SP-02', 'SCJGJ-GS-01'], STHJJ: ['STHJJ-SP-01'], YJGLJ: ['YJGLJ-GM-01'] },
    accepted: ['STHJJ', 'YJGLJ'],
    windowStart: '2022-04-06', windowEnd: '2022-06-30', ratios: [300, 500, 1000, 2000],
    scopeIndustryCodes: ['C13', 'C14', 'C15'], pools: ['SCJGJ|食品生产'], closedAt: '2022-08-05T17:30:00+08:00',
  },
  {
    code: '2022-SCJGJ-002', name: '2022年中高风险工业产品生产企业风险分类联查', mode: 'RISK_BASED', status: 'CANCELLED', lead: 'SCJGJ',
    items: { SCJGJ: ['SCJGJ-GY-01', 'SCJGJ-GY-02', 'SCJGJ-TZ-01'], YJGLJ: ['YJGLJ-GY-01'] },
    accepted: ['YJGLJ'],
    windowStart: '2022-05-09', windowEnd: '2022-07-29', ratios: [200, 500, 1500, 3000],
    scopeIndustryCodes: ['C20', 'C26', 'C29', 'C30', 'C31', 'C38'], pools: ['SCJGJ|中高风险工业产品生产'],
    cancelReason: '与省局统一部署的工业产品质量安全专项检查重复，经联席会议办公室同意撤销，相关企业纳入省局任务',
  },
  {
    code: '2022-YJGLJ-001', name: '2022年加油站安全及油品质量专项整治联查', mode: 'SPECIAL_CAMPAIGN', status: 'READY', lead: 'YJGLJ',
    items: { YJGLJ: ['YJGLJ-JY-01'], SCJGJ: ['SCJGJ-JY-01', 'SCJGJ-JY-02'], SWJ: ['SWJ-JY-01'], STHJJ: ['STHJJ-JY-01'] },
    accepted: ['SCJGJ', 'SWJ', 'STHJJ'],
    windowStart: '2022-09-01', windowEnd: '2022-10-31', ratios: [1000, 1500, 2500, 5000],
    scopeIndustryCodes: ['F5265'], pools: ['YJGLJ|加油站'],
  },
  {
    code: '2022-YJGLJ-002', name: '2022年工业生产企业风险分类联查', mode: 'RISK_BASED', status: 'READY', lead: 'YJGLJ',
    items: { YJGLJ: ['YJGLJ-GM-01', 'YJGLJ-GM-02'], STHJJ: ['STHJJ-GM-01'], TJJ: ['TJJ-GM-01'], SWUJ: ['SWUJ-GM-01'] },
    accepted: ['STHJJ', 'TJJ', 'SWUJ'],
    windowStart: '2022-09-13', windowEnd: '2022-11-18', ratios: [300, 600, 1200, 2500],
    scopeIndustryCodes: ['C17', 'C18', 'C22', 'C24', 'C30', 'C33', 'C34', 'C36'], pools: ['YJGLJ|工业企业'],
  },
  {
    code: '2022-RSJ-001', name: '2022年不定时工作制企业部门联合抽查', mode: 'COMPREHENSIVE', status: 'INVITING', lead: 'RSJ',
    items: { RSJ: ['RSJ-BD-01', 'RSJ-BD-02'], JTYSJ: ['JTYSJ-BD-01'], SWUJ: ['SWUJ-BD-01'] },
    accepted: ['JTYSJ'],
    windowStart: '2022-09-15', windowEnd: '2022-11-15', ratios: [300, 500, 800, 1500],
    scopeIndustryCodes: ['G54', 'G60', 'L72'], pools: ['RSJ'],
  },
  {
    code: '2022-SCJGJ-003', name: '2022年餐饮服务单位风险分类联查', mode: 'RISK_BASED', status: 'INVITING', lead: 'SCJGJ',
    items: { SCJGJ: ['SCJGJ-CY-01', 'SCJGJ-CY-02'], ZHZFJ: ['ZHZFJ-CY-01'], STHJJ: ['STHJJ-CY-01'] },
    accepted: [],
    windowStart: '2022-10-10', windowEnd: '2022-11-25', ratios: [200, 400, 1000, 2000],
    scopeIndustryCodes: ['H62'], pools: ['SCJGJ|餐饮服务'],
  },
  {
    code: '2022-GAJ-001', name: '2022年旅馆业部门联合抽查', mode: 'COMPREHENSIVE', status: 'DRAFT', lead: 'GAJ',
    items: { GAJ: ['GAJ-LG-01', 'GAJ-XF-01'], WJJ: ['WJJ-LG-01'], WLJ: ['WLJ-LG-01'] },
    windowStart: '2022-10-17', windowEnd: '2022-11-30', ratios: [500, 500, 1000, 2000],
    scopeIndustryCodes: ['H61'], pools: ['GAJ'],
  },
  {
    code: '2022-JYTYJ-001', name: '2022年学校及校外培训机构专项整治联查', mode: 'SPECIAL_CAMPAIGN', status: 'DRAFT', lead: 'JYTYJ',
    items: { JYTYJ: ['JYTYJ-XX-01'], WJJ: ['WJJ-XX-01'], SCJGJ: ['SCJGJ-XX-01'], GAJ: ['GAJ-XX-01'] },
    windowStart: '2022-11-01', windowEnd: '2022-11-30', ratios: [1000, 1000, 1500, 2000],
    scopeIndustryCodes: ['P83'], pools: ['JYTYJ'],
  },
  {
    code: '2022-ZJJ-001', name: '2022年建筑施工企业部门联合抽查', mode: 'COMPREHENSIVE', status: 'INVITING', lead: 'ZJJ',
    items: { ZJJ: ['ZJJ-JZ-01'], ZHZFJ: ['ZHZFJ-JZ-01'], RSJ: ['RSJ-BD-02'] },
    accepted: ['ZHZFJ'],
    windowStart: '2022-09-19', windowEnd: '2022-11-18', ratios: [300, 500, 1000, 2000],
    scopeIndustryCodes: ['E47', 'E49'], pools: ['ZJJ'],
  },
  {
    code: '2022-NYNCJ-001', name: '2022年农产品质量安全及粮食流通部门联合抽查', mode: 'COMPREHENSIVE', status: 'DRAFT', lead: 'NYNCJ',
    items: { NYNCJ: ['NYNCJ-NZ-01', 'NYNCJ-HZ-01'], FGJ: ['FGJ-LS-01'] },
    windowStart: '2022-10-10', windowEnd: '2022-11-25', ratios: [300, 500, 1000, 2000],
    scopeIndustryCodes: ['A01', 'A03', 'A04', 'G59', 'C13'], pools: ['NYNCJ', 'FGJ'],
  },
  {
    code: '2022-SFJ-001', name: '2022年法律服务机构部门联合抽查', mode: 'COMPREHENSIVE', status: 'READY', lead: 'SFJ',
    items: { SFJ: ['SFJ-LS-01', 'SFJ-LS-02'], SWUJ: ['SWUJ-GM-01'] },
    accepted: ['SWUJ'],
    windowStart: '2022-08-15', windowEnd: '2022-10-28', ratios: [1000, 1000, 2000, 3000],
    scopeIndustryCodes: ['L72'], pools: ['SFJ'],
  },
];
