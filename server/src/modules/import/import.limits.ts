// Limits of bulk imports (docs/SECURITY.md, "Hardening"). A file is refused before any work when it is too big,
// not an XLSX/CSV, or an XLSX whose zip declares more than these sizes; while reading, decompression stops at the
// same limits whatever the zip headers claim (zip bombs), and a row or cell beyond its limit stops the import.
export const IMPORT_LIMITS = {
  /** uploaded file, bytes (a 100,000-row XLSX is ~5.5 MiB; Yoga refuses request bodies over 25 MB anyway) */
  maxFileBytes: 20 * 1024 * 1024,
  /** data rows per file */
  maxRows: 500_000,
  /** columns per row */
  maxColumns: 200,
  /** characters per cell (Excel's own limit) */
  maxCellChars: 32_767,
  /** XML or CSV text of one row, characters */
  maxRowChars: 1024 * 1024,
  /** entries in an XLSX zip */
  maxZipEntries: 2_000,
  /** one decompressed zip entry (the sheet, the shared strings), bytes */
  maxEntryBytes: 512 * 1024 * 1024,
  /** the shared-strings part, decompressed, bytes: it is held in memory while the sheet is read */
  maxSharedStringsBytes: 128 * 1024 * 1024,
  /** all decompressed entries together, bytes */
  maxTotalUncompressedBytes: 768 * 1024 * 1024,
  /** decompressed / compressed, for entries over 1 MiB: ordinary sheets stay well below 100 */
  maxCompressionRatio: 250,
  /** row errors stored per job (the count is always exact; the list stops here) */
  maxStoredErrors: 20_000,
  /** rows written per SQL statement */
  batchRows: 5_000,
} as const;

/** Multipart request bodies may carry one file of maxFileBytes plus the GraphQL document. */
export const MAX_UPLOAD_REQUEST_BYTES = IMPORT_LIMITS.maxFileBytes + 1024 * 1024;
