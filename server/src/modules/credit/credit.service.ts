// Credit linkage (信用监管衔接): the one place where published results become credit events and where a
// target's effective risk class is recomputed (rule table in credit.rules.ts, documented in docs/CREDIT.md).
//
// CONTRACT (used by the record module; implemented in this file by the credit work of issue 6):
//   linkCreditForPublished(tx, audit, results, on)   — called inside the publication transaction with the item
//       results that just became public; creates the events the rule table prescribes (and the follow-ups for
//       codes 5, 8, 10), then recomputes the affected targets' risk class.
//   relinkCreditForCorrection(tx, audit, result, on) — called inside the correction-approval transaction: ends the
//       events derived from the old code, creates those of the new code, recomputes the risk class.
import type { Audit, Tx } from '../../shared/mutation.ts';

export interface PublishedResult {
  itemResultId: string;
  targetId: string;
  departmentId: string;
  taskId: string;
  code: number;
}

export async function linkCreditForPublished(_tx: Tx, _audit: Audit, _results: PublishedResult[], _on: Date): Promise<void> {
  throw new Error('linkCreditForPublished: not implemented yet (issue 6, credit linkage)');
}

export async function relinkCreditForCorrection(_tx: Tx, _audit: Audit, _result: PublishedResult & { oldCode: number }, _on: Date): Promise<void> {
  throw new Error('relinkCreditForCorrection: not implemented yet (issue 6, credit linkage)');
}
