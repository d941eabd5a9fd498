// PostgreSQL array literals: a list of values as ONE text parameter ('{"a",NULL,"b\\"c"}'), which every driver
// passes unchanged and `$1::uuid[]` (or `unnest($1::text[])`) reads back. Used by set-based SQL that sends many rows
// at once (the seeders, the report rollup).

export type SqlValue = string | number | boolean | null | SqlValue[];

function element(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (Array.isArray(v)) v = pgArray(v);
  const s = typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A PostgreSQL array literal: ['a', null, 'b"c'] → {"a",NULL,"b\"c"}. */
export function pgArray(values: readonly SqlValue[]): string {
  return `{${values.map(element).join(',')}}`;
}
