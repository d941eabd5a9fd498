// Custom scalars. Date is a calendar date (YYYY-MM-DD, no time zone: working days, windows, due dates);
// DateTime is an instant in ISO 8601 UTC.
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(value: unknown): Date {
  if (typeof value === 'string') {
    const m = DATE_RE.exec(value);
    if (m) {
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      if (d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!) return d;
    }
  }
  throw new GraphQLError('日期格式应为 YYYY-MM-DD / a Date must be written YYYY-MM-DD', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

builder.scalarType('Date', {
  description: '日期（YYYY-MM-DD）/ A calendar date, YYYY-MM-DD',
  serialize: (v) => formatDate(v as Date),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('DateTime', {
  description: '时间（ISO 8601, UTC）/ An instant, ISO 8601 in UTC',
  serialize: (v) => (v as Date).toISOString(),
  parseValue: (v) => {
    const d = typeof v === 'string' ? new Date(v) : undefined;
    if (!d || Number.isNaN(d.getTime()))
      throw new GraphQLError('时间格式应为 ISO 8601 / a DateTime must be ISO 8601', { extensions: { code: 'BAD_USER_INPUT' } });
    return d;
  },
});

builder.scalarType('JSON', {
  description: 'JSON 值 / Any JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
});
