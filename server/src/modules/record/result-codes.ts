// The result codes of the record form (联合抽查情况记录表, seed 000): the one place they are named. Credit effects live in
// the credit module's rule table; this file only says what each code means and which codes need no site visit.

export const RESULT_CODES: Readonly<Record<number, { zh: string; en: string }>> = {
  1: { zh: '未发现问题', en: 'no problem found' },
  2: { zh: '未按规定公示应当公示的信息', en: 'failed to publish required information' },
  3: { zh: '公示信息隐瞒真实情况弄虚作假', en: 'published information is false' },
  4: { zh: '通过登记的住所（经营场所）无法取得联系', en: 'unreachable at registered address' },
  5: { zh: '发现问题已责令整改', en: 'problem found, rectification ordered' },
  6: { zh: '不配合检查情节严重', en: 'serious refusal to cooperate' },
  7: { zh: '未发现本次抽查涉及的经营活动', en: 'no business activity in scope found' },
  8: { zh: '发现问题待后续处理', en: 'problem found, pending follow-up' },
  9: { zh: '合格', en: 'compliant' },
  10: { zh: '不合格', en: 'non-compliant' },
};

export const MIN_RESULT_CODE = 1;
export const MAX_RESULT_CODE = 10;

/** Codes that can be recorded when the team did not get on site: unreachable (4), serious refusal (6). */
export const OFF_SITE_CODES: readonly number[] = [4, 6];

export const resultCodeZh = (code: number | null | undefined): string | null => (code == null ? null : (RESULT_CODES[code]?.zh ?? null));
