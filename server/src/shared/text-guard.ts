// Text that no column can store: PostgreSQL refuses U+0000 in text, and a lone UTF-16 surrogate is not a character
// (it cannot be encoded as UTF-8). Refused for the whole request before execution, with a typed error naming the
// variable (or argument) — found by the fuzzer (test/api/fuzz.test.ts), where such a username reached the database.
import { Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { InputError } from './errors.ts';

// eslint-disable-next-line no-control-regex
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string inside `value` that cannot be stored, or null. */
export function badTextPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = badTextPath(value[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return null; // File uploads and the like
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = badTextPath(v, `${path}.${k}`, depth + 1);
    if (p) return p;
  }
  return null;
}

// Yoga's parser cache hands out the same DocumentNode for the same query text, so a document's literals are checked once.
const literalVerdicts = new WeakMap<DocumentNode, string | null>();

function badLiteral(document: DocumentNode): string | null {
  const known = literalVerdicts.get(document);
  if (known !== undefined) return known;
  const found = scanLiterals(document);
  literalVerdicts.set(document, found);
  return found;
}

function scanLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    [Kind.ARGUMENT]: (node) => {
      if (found) return;
      visit(node.value, { [Kind.STRING]: (s) => { if (!found && BAD_TEXT.test(s.value)) found = node.name.value; } });
    },
  });
  return found;
}

export function useTextGuard(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variable = badTextPath(args.variableValues ?? {}, '$');
      const field = variable !== null ? variable.replace(/^\$\.?/, '') : badLiteral(args.document);
      if (field)
        setResultAndStopExecution({
          errors: [new InputError(field, 'INVALID_TEXT', { zh: '含有无法保存的字符（空字符或不成对的代理项）', en: 'contains a character that cannot be stored (NUL or an unpaired surrogate)' })],
        });
    },
  };
}
