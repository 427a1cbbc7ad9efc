import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs its bundled WebAssembly schema engine through the pg adapter: the native schema
// engine is a download this network cannot reach (see docs/adr/0002-prisma-offline.md). Migrations run
// as the owner role.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () =>
    new PrismaPg({
      // The CLI exits only once the pool is idle: do not keep it waiting the default 10 s.
      idleTimeoutMillis: 100,
      connectionString:
        process.env.DATABASE_OWNER_URL ??
        "postgresql://mentoring_owner:mentoring_owner@127.0.0.1:5432/mentoring",
    }),
});
