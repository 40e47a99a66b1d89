import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

/** Either driver's database: both are pg-core databases over this schema, differing only in their raw results. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  /** Where the data lives: a folder for PGlite ("memory" when in memory), the host/db for PostgreSQL. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const MIGRATION_LOCK_KEY = 7_302_611;

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

function defaultPgliteDataDir() {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), "data", "pglite");
}

/** `loadDataDir`: start an in-memory database from a `dumpDataDir` copy instead of an empty cluster. */
export async function openPglite(
  dataDir: string | null,
  loadDataDir?: Blob,
): Promise<DatabaseHandle & { dump(): Promise<Blob> }> {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  try {
    // pg_trgm: the trigram indexes behind the admin's people search (migration 0007), as on PostgreSQL.
    const client = await PGlite.create({ dataDir: dataDir ?? undefined, loadDataDir, extensions: { pg_trgm } });
    const db = drizzlePglite({ client, schema });
    return {
      db,
      driver: "pglite",
      location: dataDir ? path.resolve(dataDir) : "memory",
      migrate: async () => {
        await migratePglite(db, { migrationsFolder });
      },
      close: async () => {
        await client.close();
        release();
      },
      dump: () => client.dumpDataDir("none"),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Whether this PostgreSQL database lacks a migration of this build. When none is missing the app
 * applies nothing, so it can connect as a role that owns nothing and may not create or alter
 * anything (db/app-role.sql): migrations then run as the owner with `npm run db:migrate`.
 */
async function migrationsPending(client: postgres.Sql) {
  const latest = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  try {
    const [row] = await client`select max(created_at) as last from drizzle.__drizzle_migrations`;
    return row?.last == null || Number(row.last) < latest;
  } catch (error) {
    // No migrations table yet (undefined schema or table): a new database.
    const code = (error as { code?: string }).code;
    if (code === "3F000" || code === "42P01") return true;
    throw error;
  }
}

export function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  const { host, pathname } = new URL(url);
  return {
    db,
    driver: "postgres",
    location: `${host}${pathname}`,
    migrate: async () => {
      if (!(await migrationsPending(client))) return;
      // Two servers starting together would both migrate; the second waits for the first instead.
      const lockConnection = await client.reserve();
      try {
        await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(db, { migrationsFolder });
      } catch (error) {
        if (
          (error as { code?: string }).code === "42501" ||
          (error as { cause?: { code?: string } }).cause?.code === "42501"
        )
          throw new Error(
            'Migrations are pending and this database role may not apply them: run `npm run db:migrate` with the owner\'s DATABASE_URL first (README, "Deployment on PostgreSQL").',
            { cause: error },
          );
        throw error;
      } finally {
        await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        lockConnection.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in ./data (or PGLITE_DATA_DIR). */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return url ? Promise.resolve(openPostgres(url)) : openPglite(defaultPgliteDataDir());
}
