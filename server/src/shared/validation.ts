// Input validation shared by every input path (GraphQL arguments, imports, seeds).
import { InputError } from './errors.ts';
import { normalizeUscc, usccProblem, USCC_PROBLEM_MESSAGES } from './uscc.ts';

/** Normalises a USCC and refuses an invalid one with a typed error naming the field. */
export function requireUscc(field: string, input: string): string {
  const code = normalizeUscc(input);
  const problem = usccProblem(code);
  if (problem) throw new InputError(field, `USCC_${problem}`, USCC_PROBLEM_MESSAGES[problem]);
  return code;
}

/** A calendar year the system can reason about (plans, tasks, calendars, reports): 2000–2100. */
export function requireYear(field: string, year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new InputError(field, 'YEAR', { zh: '年度应为 2000–2100 之间的整数', en: 'a year must be an integer from 2000 to 2100' });
  return year;
}
