// A GraphQL fuzzer generated from the schema (issue 9, "Bad input"): random but schema-shaped documents for every
// root field (random arguments, some valid ids, random selections, deep nesting), the same with wrong variable types,
// huge strings, alias floods, over-deep documents, garbage text and malformed HTTP bodies, sent as the console, a
// partner key or nobody. The caller checks every response (test/api/fuzz.test.ts).
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** mulberry32: a seeded PRNG, so a failing case can be replayed with its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

export interface FuzzRequest {
  kind: string;
  /** raw HTTP body (when set, sent as is) */
  body?: string;
  contentType?: string;
  method?: 'POST' | 'GET';
  query?: string;
  variables?: Record<string, unknown>;
  isMutation: boolean;
}

const NASTY_STRINGS = [
  '',
  ' ',
  "'; drop table target; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://x","y")',
  '+cmd|\' /C calc\'!A0',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\u0000',
  '\uD800',
  '𠮷𠮷𠮷',
  '９１３７０６８７ＭＡ３Ｃ４Ｄ５Ｅ６Ｆ',
  '91370687MA3C4D5E6F',
  '000000000000000000',
  'null',
  '1e309',
  '2026-02-30',
  '9999-12-31',
  '-1',
  '%s%s%s%n',
  '${jndi:ldap://x}',
];

export class Fuzzer {
  constructor(
    private schema: GraphQLSchema,
    private r: Rng,
    /** real ids by entity, so some requests reach deep into the services */
    private ids: string[],
  ) {}

  private str(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.35) return r.pick(NASTY_STRINGS);
    if (roll < 0.45) return 'x'.repeat(r.pick([1000, 10_000, 100_000]));
    if (roll < 0.55) return String.fromCharCode(...Array.from({ length: 1 + r.int(40) }, () => r.int(0xd7ff)));
    return `测试${r.int(1e6)}`;
  }

  private id(): string {
    const r = this.r;
    if (this.ids.length && r.chance(0.6)) return r.pick(this.ids);
    return r.pick(['00000000-0000-0000-0000-000000000000', 'not-a-uuid', crypto.randomUUID(), '1', '', "'", 'x'.repeat(5000)]);
  }

  private int(): number {
    return this.r.pick([0, 1, -1, 2, 7, 100, 2026, 2147483647, -2147483648, 10_000, 20_220_218]);
  }

  /** A JSON value for an input type; `wrong` makes it deliberately of a wrong kind some of the time. */
  value(type: GraphQLInputType, depth = 0, wrong = false): unknown {
    const r = this.r;
    if (wrong && r.chance(0.3)) return r.pick<unknown>([{}, [], 'x', 12.5, true, null, { a: { b: 1 } }, 'x'.repeat(20_000)]);
    if (isNonNullType(type)) return this.value(type.ofType, depth, wrong);
    if (!isNonNullType(type) && r.chance(0.08)) return null;
    if (isListType(type)) return Array.from({ length: r.pick([0, 1, 2, 3, 50]) }, () => this.value(type.ofType as GraphQLInputType, depth + 1, wrong));
    if (isEnumType(type)) return r.chance(0.9) ? r.pick(type.getValues()).name : 'NOT_AN_ENUM_VALUE';
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields()))
        if (isNonNullType(f.type) || r.chance(0.5)) out[f.name] = this.value(f.type, depth + 1, wrong);
      return out;
    }
    if (isScalarType(type))
      switch (type.name) {
        case 'ID':
          return this.id();
        case 'Int':
          return this.int();
        case 'Float':
          return r.pick([0, -1.5, 1e308, 0.1]);
        case 'Boolean':
          return r.chance(0.5);
        case 'Date':
          return r.pick(['2026-11-22', '2027-01-01', '2026-02-30', '1900-01-01', '9999-12-31', 'yesterday', '2026-11-22T00:00:00Z']);
        case 'DateTime':
          return r.pick(['2026-11-22T08:00:00Z', '2026-11-22', 'not a time', '1970-01-01T00:00:00.000Z']);
        case 'JSON':
          return r.pick<unknown>([{}, { a: 1 }, [1, 2], 'x']);
        case 'File':
        case 'Upload':
          return null;
        default:
          return this.str();
      }
    return null;
  }

  private selection(type: GraphQLOutputType, depth: number, maxDepth: number): string {
    const named = getNamedType(type);
    if (isScalarType(named) || isEnumType(named)) return '';
    if (isUnionType(named)) return '{ __typename }';
    const obj = named as GraphQLObjectType;
    if (!isObjectType(obj) && !isInterfaceType(obj)) return '';
    const fields = Object.values(obj.getFields());
    const scalars = fields.filter((f) => { const n = getNamedType(f.type); return isScalarType(n) || isEnumType(n); });
    const objects = fields.filter((f) => !scalars.includes(f));
    const parts = new Set<string>(['__typename']);
    for (let i = 0; i < 1 + this.r.int(4) && scalars.length; i++) parts.add(this.r.pick(scalars).name);
    if (depth < maxDepth)
      for (let i = 0; i < this.r.int(3) && objects.length; i++) {
        const f = this.r.pick(objects);
        const sub = this.selection(f.type, depth + 1, maxDepth);
        const args = this.inlineArgs(f.args, true);
        if (sub) parts.add(`${f.name}${args} ${sub}`);
      }
    return `{ ${[...parts].join(' ')} }`;
  }

  /** Arguments written into the document: only optional pagination-like scalars, kept small. */
  private inlineArgs(args: readonly GraphQLArgument[], optionalOnly: boolean): string {
    const picked = args.filter((a) => (!optionalOnly || !isNonNullType(a.type)) && isScalarType(getNamedType(a.type)) && getNamedType(a.type).name === 'Int');
    if (!picked.length || !this.r.chance(0.5)) return '';
    return `(${picked.map((a) => `${a.name}: ${this.int()}`).join(', ')})`;
  }

  private rootField(kind: 'query' | 'mutation', wrong: boolean): FuzzRequest {
    const root = kind === 'query' ? this.schema.getQueryType()! : this.schema.getMutationType()!;
    const field: GraphQLField<unknown, unknown> = this.r.pick(Object.values(root.getFields()));
    const vars: Record<string, unknown> = {};
    const decl: string[] = [];
    const use: string[] = [];
    for (const a of field.args) {
      if (!isNonNullType(a.type) && this.r.chance(0.4)) continue;
      decl.push(`$${a.name}: ${a.type.toString()}`);
      use.push(`${a.name}: $${a.name}`);
      vars[a.name] = this.value(a.type, 0, wrong);
    }
    const sel = this.selection(field.type, 1, this.r.pick([2, 3, 4, 12]));
    const query = `${kind} Fuzz${decl.length ? `(${decl.join(', ')})` : ''} { ${field.name}${use.length ? `(${use.join(', ')})` : ''} ${sel} }`;
    return { kind: `${kind}${wrong ? ':wrong-types' : ''}`, query, variables: vars, isMutation: kind === 'mutation' };
  }

  next(): FuzzRequest {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.4) return this.rootField('query', false);
    if (roll < 0.7) return this.rootField('mutation', false);
    if (roll < 0.8) return this.rootField(r.chance(0.5) ? 'query' : 'mutation', true);
    if (roll < 0.84) {
      const n = r.pick([20, 100, 1000]);
      return { kind: 'aliases', query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: departments { totalCount }`).join(' ')} }`, isMutation: false };
    }
    if (roll < 0.88) {
      const depth = r.pick([15, 40, 200]);
      return { kind: 'deep', query: `{ departments { nodes { ${'targetPools { department { '.repeat(depth)} id ${'} } '.repeat(depth)} } } }`, isMutation: false };
    }
    if (roll < 0.91) {
      const tokens = ['{', '}', '(', ')', 'query', 'mutation', 'fragment', '...', '$', ':', '!', '[', ']', '@', 'on', 'departments', '"x"', '1', 'true', '#'];
      return { kind: 'garbage', query: Array.from({ length: 1 + r.int(300) }, () => r.pick(tokens)).join(' '), isMutation: false };
    }
    if (roll < 0.93)
      return { kind: 'fragment-cycle', query: 'query { departments { nodes { ...A } } } fragment A on Department { ...B } fragment B on Department { ...A }', isMutation: false };
    if (roll < 0.95) return { kind: 'bad-json', body: r.pick(['{', '{"query": 1}', '[]', 'null', '{"query":"{ departments { totalCount } }","variables":"x"}', '\u0000\u0001']), isMutation: false };
    if (roll < 0.97) return { kind: 'huge-string', query: `query { checkUscc(uscc: "${'9'.repeat(r.pick([1000, 200_000]))}") { valid } }`, isMutation: false };
    if (roll < 0.985) return { kind: 'get-mutation', method: 'GET', query: 'mutation { logout }', isMutation: true };
    return { kind: 'wrong-content-type', body: 'query { departments { totalCount } }', contentType: r.pick(['text/plain', 'application/xml', 'multipart/form-data; boundary=x']), isMutation: false };
  }
}

/** Signs of internals in an error message: stack frames, SQL, Prisma, file paths, driver messages. */
export const LEAK_RE = /(\bat .+:\d+:\d+)|prisma|PrismaClient|Invalid `|\.ts:\d|node_modules|syntax error at or near|violates (foreign key|check|unique|not-null)|relation "|column "|duplicate key|pglite|ECONNREFUSED|TypeError|ReferenceError|Cannot read propert|undefined is not/i;
