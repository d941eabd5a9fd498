// Prisma CLI configuration. There is no native schema engine on these machines (see docs/ARCHITECTURE.md):
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops `prisma generate` from trying to download
// one; migrations are made and applied by the project's own scripts (scripts/migrate-create.ts, server/src/db).
import { defineConfig } from 'prisma/config';

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) process.env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/false';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
