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
