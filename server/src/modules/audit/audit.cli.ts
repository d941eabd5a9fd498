// `pnpm audit:verify`: recompute the audit hash chain of the configured database; exit 1 on the first broken link.
import { openDatabase, useDatabase } from '../../db/database.ts';
import { verifyAuditChain } from './audit.service.ts';

const database = useDatabase(await openDatabase({ url: process.env.DATABASE_URL || undefined }));
try {
  const r = await verifyAuditChain();
  if (r.ok) console.log(`audit chain OK: ${r.checked} events verified`);
  else console.error(`audit chain BROKEN at event ${r.firstBrokenId} (${r.reason}); ${r.checked} events before it verified`);
  process.exitCode = r.ok ? 0 : 1;
} finally {
  await database.close();
}
