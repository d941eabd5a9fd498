// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet
// (digits and capitals without I, O, Z, S, V); the 18th is a check character over the first 17.
// This is the one place that knows the rule: every input path normalises and validates through here.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i] as const));

export type UsccProblem = 'LENGTH' | 'CHARACTER' | 'CHECK_CHARACTER';

/** The check character for the first 17 characters (which must be from the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i]!);
    if (v === undefined) throw new RangeError(`not a USCC character: ${first17[i]}`);
    sum += v * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Trims, removes inner spaces and hyphens, turns full-width characters half-width, upper-cases. */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** Returns null when the (already normalised) code is valid, else what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'LENGTH';
  for (const c of code) if (!VALUE.has(c)) return 'CHARACTER';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'CHECK_CHARACTER';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(normalizeUscc(code)) === null;
}

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, { zh: string; en: string }> = {
  LENGTH: { zh: '统一社会信用代码应为 18 位', en: 'a unified social credit code has 18 characters' },
  CHARACTER: {
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
    en: 'the code contains a character outside GB 32100 (I, O, Z, S and V are not used)',
  },
  CHECK_CHARACTER: {
    zh: '统一社会信用代码校验位不正确',
    en: 'the check character (18th) does not match GB 32100',
  },
};

/**
 * Builds a valid code from its parts (used by the demo-data generator and tests).
 * registration: '9' (market regulation) etc.; entityType: '1' enterprise, '2' individual business, '3' cooperative;
 * region: 6-digit GB/T 2260 code; body: 9 alphabet characters (organisation code).
 */
export function makeUscc(registration: string, entityType: string, region: string, body: string): string {
  const first17 = `${registration}${entityType}${region}${body}`;
  if (first17.length !== 17) throw new RangeError('USCC parts must make 17 characters');
  return first17 + usccCheckCharacter(first17);
}
