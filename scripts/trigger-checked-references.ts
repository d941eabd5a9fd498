// Foreign keys the schema declares but the database checks per statement (see the constant below). Kept out of
// scripts/migrate-create.ts so tests can import it without starting the schema engine.

/**
 * Foreign keys that prisma/schema.prisma declares (Prisma joins through the relations) but the database checks once
 * per statement with triggers instead of once per row: the draw's result tables, written tens of thousands of rows
 * at a time (prisma/migrations/20261203102640_draw_references_per_statement). The engine's diff asks for them back;
 * that part of the diff is not drift. Each entry is `table.constraint`, exactly as the engine names it.
 */
export const REFERENCES_CHECKED_BY_TRIGGERS = [
  'draw_target.draw_target_draw_id_fkey',
  'draw_target.draw_target_target_id_fkey',
  'inspector_assignment.inspector_assignment_draw_id_fkey',
  'inspector_assignment.inspector_assignment_task_id_fkey',
  'inspector_assignment.inspector_assignment_target_id_fkey',
  'inspector_assignment.inspector_assignment_inspector_id_fkey',
  'inspector_assignment.inspector_assignment_department_id_fkey',
] as const;

/** The diff without the statements (and their `-- AddForeignKey` headings) that would add those foreign keys back. */
export function withoutTriggerCheckedReferences(sql: string): string {
  const statements = sql.split(/;\s*\n/);
  const kept = statements.filter((st) => {
    const m = /ALTER TABLE "([^"]+)" ADD CONSTRAINT "([^"]+)" FOREIGN KEY/.exec(st);
    return !(m && (REFERENCES_CHECKED_BY_TRIGGERS as readonly string[]).includes(`${m[1]}.${m[2]}`));
  });
  const out = kept.map((st) => st.trim()).filter((st) => st !== '').join(';\n\n');
  return out && !out.endsWith(';') ? `${out};` : out;
}
