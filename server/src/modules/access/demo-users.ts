// Demo accounts, one per role, for a new embedded database (their passwords are in the README). Never run
// against a production database: main.ts only calls this when it has just seeded the demo data.
import { prisma } from '../../db/database.ts';
import { hashPassword } from './password.ts';
import { sha256hex } from './actor.ts';

export const DEMO_USERS = [
  { username: 'office', password: 'Office#2026demo', displayName: '联席办 王主任', role: 'OFFICE_ADMIN', dept: 'host', head: true },
  { username: 'scjg', password: 'Scjg#2026demo', displayName: '市场监管局 李科长', role: 'DEPARTMENT_ADMIN', dept: '市场监管局', head: true },
  { username: 'yjgl', password: 'Yjgl#2026demo', displayName: '应急管理局 赵科长', role: 'DEPARTMENT_ADMIN', dept: '应急管理局', head: true },
  { username: 'wjj', password: 'Wjj#2026demo', displayName: '卫健局 孙科长', role: 'DEPARTMENT_ADMIN', dept: '卫健局', head: false },
  { username: 'inspector', password: 'Inspector#2026demo', displayName: '市场监管局 执法人员', role: 'INSPECTOR', dept: '市场监管局', head: false },
  { username: 'analyst', password: 'Analyst#2026demo', displayName: '数据分析员', role: 'ANALYST', dept: null, head: false },
] as const;

/** A partner key with a published secret: demo only (README). */
export const DEMO_API_KEY = { prefix: 'demo0001', secret: 'demo-partner-key-not-for-production-0000', scopes: ['registers:read', 'results:read', 'reports:read'] };

export async function seedDemoUsers(): Promise<number> {
  const p = prisma();
  if (await p.user.count()) return 0;
  const departments = await p.department.findMany({ select: { id: true, name: true, shortName: true, isOfficeHost: true } });
  const host = departments.find((d) => d.isOfficeHost);
  let n = 0;
  for (const u of DEMO_USERS) {
    const dept = u.dept === 'host' ? host : u.dept ? departments.find((d) => d.shortName === u.dept || d.name === u.dept) : null;
    const inspector = u.role === 'INSPECTOR' && dept ? await p.inspector.findFirst({ where: { departmentId: dept.id, active: true }, orderBy: { certificateNo: 'asc' } }) : null;
    await p.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        passwordHash: await hashPassword(u.password),
        role: u.role,
        departmentId: dept?.id ?? null,
        isDepartmentHead: u.head,
        inspectorId: inspector?.id ?? null,
      },
    });
    n++;
  }
  await p.apiKey.create({
    data: { name: '演示合作系统 / demo partner', prefix: DEMO_API_KEY.prefix, keyHash: sha256hex(DEMO_API_KEY.secret), scopes: DEMO_API_KEY.scopes },
  });
  return n;
}
