// The credit rule table (信用监管衔接): which published result codes become which credit events, for how long, which
// follow-up they open, and how active events raise a target's effective risk class. The ONE place in code these
// rules live; docs/CREDIT.md shows the same table and test/api/credit.test.ts checks that the two agree.
import type { CreditEventKind, FollowUpKind, FollowUpStatus, RiskClass } from '../../generated/prisma/enums.ts';

export interface CreditRule {
  kind: CreditEventKind;
  /** How long the event is in effect from the publication date: years, or null = until repaired / ended. */
  years: number | null;
  /** Human label of the period (docs/CREDIT.md "period" column). */
  period: string;
}

/** Result code → credit events (codes without an entry — 1, 2, 7, 9 — create none). */
export const CREDIT_RULES: Readonly<Record<number, readonly CreditRule[]>> = {
  3: [{ kind: 'DISHONESTY', years: 3, period: '3 years' }],
  4: [{ kind: 'ABNORMAL_OPERATIONS', years: null, period: 'until repaired' }],
  5: [{ kind: 'FOLLOW_UP_REQUIRED', years: null, period: 'until the follow-up is closed' }],
  6: [{ kind: 'DISHONESTY', years: 3, period: '3 years' }],
  8: [{ kind: 'FOLLOW_UP_REQUIRED', years: null, period: 'until the follow-up is closed' }],
  10: [
    { kind: 'DISHONESTY', years: 3, period: '3 years' },
    { kind: 'FOLLOW_UP_REQUIRED', years: null, period: 'until the follow-up is closed' },
  ],
};

export const RESULT_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function rulesFor(code: number): readonly CreditRule[] {
  return CREDIT_RULES[code] ?? [];
}

export interface AutoFollowUp {
  kind: FollowUpKind;
  status: FollowUpStatus;
  /** due date: this many working days after the publication date (official calendar) */
  workingDays: number;
  description: string;
}

/** Working days a follow-up opened by a published result has, by default, before it is overdue. */
export const FOLLOW_UP_WORKING_DAYS = 20;

/** The follow-up a FOLLOW_UP_REQUIRED event opens, owned by the result's department. */
export const AUTO_FOLLOW_UPS: Readonly<Record<number, AutoFollowUp>> = {
  5: {
    kind: 'RECTIFICATION',
    status: 'IN_PROGRESS',
    workingDays: FOLLOW_UP_WORKING_DAYS,
    description: '检查结果 5（发现问题已责令整改）：跟踪整改至闭环 / rectification ordered: follow it to closure',
  },
  8: {
    kind: 'RECTIFICATION',
    status: 'OPEN',
    workingDays: FOLLOW_UP_WORKING_DAYS,
    description: '检查结果 8（发现问题待后续处理）：确定处置方式（整改、立案或移送）并跟踪至闭环 / problem pending follow-up: decide the disposal and follow it to closure',
  },
  10: {
    kind: 'RECTIFICATION',
    status: 'OPEN',
    workingDays: FOLLOW_UP_WORKING_DAYS,
    description: '检查结果 10（不合格）：确定处置方式（整改、立案或移送）并跟踪至闭环 / non-compliant: decide the disposal and follow it to closure',
  },
};

/** The least class each kind of active event implies (the effective class is the max with the base class). */
export const CLASS_FLOOR: Readonly<Record<CreditEventKind, RiskClass>> = {
  DISHONESTY: 'D',
  ABNORMAL_OPERATIONS: 'C',
  FOLLOW_UP_REQUIRED: 'C',
};

/** A target flagged as on the abnormal-operations list (by a code-4 event or by the register) is at least this. */
export const ABNORMAL_LIST_FLOOR: RiskClass = 'C';

/** Today's date in China (UTC+8) in SQL, independent of the session time zone. */
export const CHINA_TODAY_SQL = `((now() at time zone 'UTC') + interval '8 hours')::date`;

const ORDER: RiskClass[] = ['A', 'B', 'C', 'D'];
export const maxClass = (...c: RiskClass[]): RiskClass => ORDER[Math.max(...c.map((x) => ORDER.indexOf(x)))]!;

/** The effective class (pure form of effectiveClassSql, for documentation and tests). */
export function effectiveClass(base: RiskClass, activeKinds: readonly CreditEventKind[], onAbnormalList: boolean): RiskClass {
  return maxClass(base, ...activeKinds.map((k) => CLASS_FLOOR[k]), ...(onAbnormalList ? [ABNORMAL_LIST_FLOOR] : []));
}

const sqlClassForKind = (kind: CreditEventKind) => `'${CLASS_FLOOR[kind]}'`;

/**
 * SQL expression of the effective class of one target row: greatest(base, class implied by the target's events
 * active on `onExpr` (effective_from ≤ on < effective_to, not repaired), abnormal-list flag → at least C). Enum
 * values compare in declaration order (A < B < C < D), so greatest() is the max. Correlated on the target id, so it
 * runs set-based inside any UPDATE … / INSERT … SELECT over many targets (imports use it too).
 */
export function effectiveClassSql(baseExpr: string, targetIdExpr: string, abnormalExpr: string, onExpr: string): string {
  const kinds = Object.keys(CLASS_FLOOR) as CreditEventKind[];
  return `greatest(
    ${baseExpr},
    case when coalesce(${abnormalExpr}, false) then '${ABNORMAL_LIST_FLOOR}'::"RiskClass" else 'A'::"RiskClass" end,
    (select max(case e.kind ${kinds.map((k) => `when '${k}' then ${sqlClassForKind(k)}`).join(' ')} end::"RiskClass")
       from credit_event e
      where e.target_id = ${targetIdExpr} and e.repaired_at is null
        and e.effective_from <= ${onExpr} and (e.effective_to is null or e.effective_to > ${onExpr}))
  )`;
}
