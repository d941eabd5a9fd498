// The draw state machine (摇号状态), defined once:
//
//   COMMITTED ──reveal──► REVEALED ──lock──► LOCKED
//       └──────void──────────┴──void──► VOIDED
//
// COMMITTED: candidates (or the inspector snapshot), parameters and commitment = SHA-256(serverSeed) are fixed and
//   published; the server seed is secret. REVEALED: the public input is in, seed and result are computed and visible.
// LOCKED: immutable; a target draw's list is dispatched (task READY → DRAWN), an inspector draw's teams are final
//   (task DRAWN → DISPATCHED). VOIDED: abandoned before lock, with a reason; it stays visible.
import type { DrawStatus } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/errors.ts';

export const DRAW_TRANSITIONS: Record<DrawStatus, readonly DrawStatus[]> = {
  COMMITTED: ['REVEALED', 'VOIDED'],
  REVEALED: ['LOCKED', 'VOIDED'],
  LOCKED: [],
  VOIDED: [],
};

export const DRAW_STATUS_ZH: Record<DrawStatus, string> = {
  COMMITTED: '已承诺',
  REVEALED: '已揭示',
  LOCKED: '已锁定派发',
  VOIDED: '已作废',
};

export function assertDrawTransition(from: DrawStatus, to: DrawStatus): void {
  if (!DRAW_TRANSITIONS[from].includes(to))
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: `摇号状态为“${DRAW_STATUS_ZH[from]}”，不能变为“${DRAW_STATUS_ZH[to]}”`, en: `a draw in state ${from} cannot move to ${to}` },
      { current: from, requested: to },
    );
}
