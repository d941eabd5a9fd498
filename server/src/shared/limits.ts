// API hardening limits (docs/SECURITY.md explains each choice).
// graphql-armor's defaults are depth 6, aliases 15, tokens 1000, cost 5000, directives 50. We keep every limit at or
// below those defaults except depth: the console's nested reads (draw → targets → target → pools → department,
// inside a page wrapper `nodes`) legitimately reach 7–8 levels, so depth is 10. Cost and page size (≤ 100 rows per
// list) bound what the extra depth can fetch.
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 1000,
  maxCost: 5000,
  maxDirectives: 50,
  /** request body, bytes */
  maxBodyBytes: 1024 * 1024,
};

/** Attachments of inspection records (photos, scanned signed forms, documents): content stored in the database. */
export const ATTACHMENT_LIMITS = {
  /** bytes per file */
  maxFileBytes: 10 * 1024 * 1024,
  /** characters of the stored file name */
  maxFileNameLength: 200,
};
