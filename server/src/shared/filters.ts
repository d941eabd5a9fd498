// Small builders for the Prisma where clauses that many list filters share.
import { requireId } from './pagination.ts';

type Clause = Record<string, unknown>;

export function and(...clauses: (Clause | false | null | undefined)[]): Clause {
  const parts = clauses.filter(Boolean) as Clause[];
  return parts.length ? { AND: parts } : {};
}

export const idsIn = (ids: readonly (string | number)[] | null | undefined): Clause | undefined =>
  ids ? { id: { in: ids.map((id) => requireId('filter.ids', String(id))) } } : undefined;

export const eq = (field: string, value: unknown): Clause | undefined =>
  value === null || value === undefined ? undefined : { [field]: value };

export const oneOf = (field: string, values: readonly unknown[] | null | undefined): Clause | undefined =>
  values && values.length ? { [field]: { in: values } } : undefined;

export const idEq = (field: string, value: string | number | null | undefined): Clause | undefined =>
  value === null || value === undefined ? undefined : { [field]: requireId(`filter.${field}`, String(value)) };

export const contains = (fields: string[], q: string | null | undefined): Clause | undefined => {
  const text = q?.trim();
  if (!text) return undefined;
  return { OR: fields.map((f) => ({ [f]: { contains: text, mode: 'insensitive' } })) };
};

export const prefix = (field: string, value: string | null | undefined): Clause | undefined =>
  value ? { [field]: { startsWith: value } } : undefined;

export const dateRange = (field: string, from: Date | null | undefined, to: Date | null | undefined): Clause | undefined =>
  from || to ? { [field]: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : undefined;
