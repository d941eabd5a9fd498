// The seeders write records by SQL, not through the services that keep the report rollup: they rebuild it for the
// tasks they wrote (server/src/db/demo/records.ts). The demo (its closed task with results) and 2,000 synthetic
// records must leave a rollup equal to the rows, and the reports of the synthetic years must read the same either way.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../server/src/db/database.ts';
import { addScaleRecords, seedDemo } from '../../server/src/db/seed.ts';
import { report } from '../../server/src/modules/report/report.service.ts';
import { checkRollup } from '../../server/src/modules/report/report.rollup.ts';
import type { Actor } from '../../server/src/modules/access/actor.ts';
import { useTestDatabase } from '../helpers/db.ts';

useTestDatabase();

const office: Actor = { kind: 'user', id: null, name: null, role: 'OFFICE_ADMIN', departmentId: null, isDepartmentHead: false, inspectorId: null, scopes: [], sessionId: null };

describe('seeded data has its rollup', () => {
  beforeAll(async () => {
    await seedDemo(db(), { rngSeed: 7, log: () => {} });
  });

  it('the demo task', async () => {
    expect(await checkRollup(db().raw)).toEqual([]);
    const n = await db().raw.query<{ records: number }>(`select coalesce(sum(records), 0)::int as records from report_task`);
    expect(n.rows[0]!.records).toBeGreaterThan(0);
  });

  it('2,000 synthetic records, and the reports of their years', async () => {
    await addScaleRecords(db(), 2000);
    expect(await checkRollup(db().raw)).toEqual([]);
    for (const year of [2023, 2026]) {
      const strip = ({ generatedAt: _g, ...r }: Awaited<ReturnType<typeof report>>) => r;
      const a = strip(await report({ actor: office }, { kind: 'YEAR', year, source: 'rollup' }));
      const b = strip(await report({ actor: office }, { kind: 'YEAR', year, source: 'rows' }));
      expect(a).toEqual(b);
      expect(a.total.figures.find((f) => f.key === 'targetsInspected')!.numerator).toBeGreaterThan(0);
    }
  });
});
