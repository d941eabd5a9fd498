import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, normalizeUscc, usccCheckCharacter, usccProblem } from '../../server/src/shared/uscc.ts';
import { requireUscc } from '../../server/src/shared/validation.ts';

// Published example codes (GB 32100 standard text and public registrations).
const VALID = ['91350100M000100Y43', '91110000600037341L', '91440300708461136T'];

describe('GB 32100 unified social credit code', () => {
  it('accepts known-valid codes', () => {
    for (const c of VALID) expect(usccProblem(c), c).toBeNull();
  });

  it('refuses every wrong check character of a valid code', () => {
    for (const c of VALID) {
      for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        if (ch !== c[17]) expect(usccProblem(c.slice(0, 17) + ch)).toBe('CHECK_CHARACTER');
      }
    }
  });

  it('names length and alphabet problems', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('LENGTH');
    expect(usccProblem('91350100M000100Y433')).toBe('LENGTH');
    expect(usccProblem('91350100M0001O0Y43')).toBe('CHARACTER'); // letter O is not used
    expect(usccProblem('91350100I000100Y43')).toBe('CHARACTER');
  });

  it('normalises case, spaces, hyphens and full-width characters', () => {
    expect(normalizeUscc(' 9135 0100-m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(isValidUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(true);
  });

  it('makeUscc builds valid codes; a single-character change is always caught', () => {
    const code = makeUscc('9', '1', '370687', 'MA3C8PQX1');
    expect(isValidUscc(code)).toBe(true);
    for (let i = 0; i < 17; i++) {
      const alt = code[i] === '1' ? '2' : '1';
      const changed = code.slice(0, i) + alt + code.slice(i + 1);
      expect(usccCheckCharacter(changed.slice(0, 17)) === changed[17], `position ${i}`).toBe(false);
    }
  });

  it('requireUscc throws a typed bilingual error naming the field', () => {
    expect(() => requireUscc('input.uscc', '91350100M000100Y44')).toThrowError(/校验位.*check character/);
    try {
      requireUscc('input.uscc', 'abc');
    } catch (e: any) {
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.uscc', reason: 'USCC_LENGTH' });
    }
    expect(requireUscc('x', '91350100m000100y43')).toBe('91350100M000100Y43');
  });
});
