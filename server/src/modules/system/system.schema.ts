// System facts for partner systems and the console: version, database kind, USCC checking.
import { builder } from '../../builder.ts';
import { db } from '../../db/database.ts';
import { normalizeUscc, usccProblem, USCC_PROBLEM_MESSAGES } from '../../shared/uscc.ts';

const UsccCheck = builder
  .objectRef<{ input: string; normalized: string; valid: boolean; problem: string | null; messageZh: string | null; messageEn: string | null }>('UsccCheck')
  .implement({
    description: '统一社会信用代码校验结果 / Result of checking a USCC against GB 32100',
    fields: (t) => ({
      input: t.exposeString('input'),
      normalized: t.exposeString('normalized'),
      valid: t.exposeBoolean('valid'),
      problem: t.exposeString('problem', { nullable: true }),
      messageZh: t.exposeString('messageZh', { nullable: true }),
      messageEn: t.exposeString('messageEn', { nullable: true }),
    }),
  });

builder.queryField('checkUscc', (t) =>
  t.field({
    type: UsccCheck,
    description: '校验统一社会信用代码（不写入）/ Check and normalise a USCC without writing anything',
    authScopes: { authenticated: true },
    args: { uscc: t.arg.string({ required: true }) },
    resolve: (_r, { uscc }) => {
      const normalized = normalizeUscc(uscc);
      const problem = usccProblem(normalized);
      return {
        input: uscc,
        normalized,
        valid: !problem,
        problem,
        messageZh: problem ? USCC_PROBLEM_MESSAGES[problem].zh : null,
        messageEn: problem ? USCC_PROBLEM_MESSAGES[problem].en : null,
      };
    },
  }),
);

builder.queryField('serverInfo', (t) =>
  t.field({
    type: builder.objectRef<{ version: string; database: string }>('ServerInfo').implement({
      fields: (f) => ({ version: f.exposeString('version'), database: f.exposeString('database', { description: 'pglite | postgres' }) }),
    }),
    authScopes: { public: true },
    resolve: () => ({ version: process.env.npm_package_version ?? '0.1.0', database: db().kind }),
  }),
);
