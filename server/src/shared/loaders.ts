// Per-request DataLoaders for what Prisma's relation planning cannot express (aggregates, computed facts).
// Each batches every key asked for in one request into one SQL statement.
import DataLoader from 'dataloader';
import { db, prisma } from '../db/database.ts';
import type { Target } from '../generated/prisma/client.ts';
import type { Actor } from '../modules/access/actor.ts';
import { withVisibility } from '../modules/access/visibility.ts';
import { submittedAt } from '../modules/plan/plan.service.ts';

export interface Loaders {
  /** Locked target draws of a target in a calendar year, key `${targetId}:${year}`. */
  timesDrawnInYear: DataLoader<string, number>;
  /** When a plan was first submitted to the office (its audit trail), by plan id. */
  planSubmittedAt: DataLoader<string, Date | null>;
  /** Targets by id as far as the request's actor may see them (null: no such target, or not visible). */
  visibleTargets: DataLoader<string, Target | null>;
}

export function createLoaders(actor: Actor): Loaders {
  return {
    visibleTargets: new DataLoader<string, Target | null>(async (ids) => {
      const rows = await prisma().target.findMany({ where: withVisibility('Target', actor, { id: { in: [...ids] } }) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    planSubmittedAt: new DataLoader<string, Date | null>(async (ids) => {
      const at = await submittedAt(ids);
      return ids.map((id) => at.get(id) ?? null);
    }),
    timesDrawnInYear: new DataLoader<string, number>(async (keys) => {
      const ids = keys.map((k) => k.split(':')[0]!);
      const years = keys.map((k) => Number(k.split(':')[1]));
      const { rows } = await db().raw.query<{ target_id: string; year: number; n: number }>(
        `select k.target_id::text as target_id, k.year, count(dt.draw_id)::int as n
           from unnest($1::uuid[], $2::int[]) as k(target_id, year)
           left join (draw_target dt join draw d on d.id = dt.draw_id and d.status = 'LOCKED')
                  on dt.target_id = k.target_id and dt.year = k.year
          group by k.target_id, k.year`,
        [ids, years],
      );
      const byKey = new Map(rows.map((r) => [`${r.target_id}:${r.year}`, r.n]));
      return keys.map((k) => byKey.get(k) ?? 0);
    }),
  };
}
