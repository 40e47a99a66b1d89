import { sql } from "drizzle-orm";
import { isDemoMode } from "@/lib/env";
import { type Database, type DatabaseHandle, openConfiguredDatabase } from "./client";
import { isDatabaseUnreachable } from "./errors";
import { ensureReferenceData } from "./reference-data";
import { seedDemoOrganisationIfEmpty } from "./seed";

export type { Database } from "./client";

const globalForDb = globalThis as unknown as { leverageDb?: Promise<DatabaseHandle> };

async function openAndPrepare(): Promise<DatabaseHandle> {
  const handle = await openConfiguredDatabase();
  await handle.migrate();
  const reference = await ensureReferenceData(handle.db);
  if (reference.loaded) {
    console.log(
      `O*NET reference data loaded (${reference.occupations} occupations, ${reference.tasks} tasks) in ${Math.round(reference.ms)} ms.`,
    );
  }
  if (isDemoMode()) await seedDemoOrganisationIfEmpty(handle.db);
  return handle;
}

/**
 * The one database of this process, opened lazily on first use (never at import, so `next build`
 * needs no database), migrated, given the O*NET reference data, and seeded with the demo organisation in demo mode. Cached on
 * globalThis so every module graph in the process shares one PGlite instance and one lock.
 */
export async function getDb(): Promise<Database> {
  globalForDb.leverageDb ??= openAndPrepare().catch((error: unknown) => {
    globalForDb.leverageDb = undefined;
    throw error;
  });
  return (await globalForDb.leverageDb).db;
}

/** A round trip to the database; it throws what the driver throws when the database cannot be reached. */
export async function pingDatabase(): Promise<void> {
  await (await getDb()).execute(sql`select 1`);
}

/** Whether the database answers now: false when it cannot be reached; any other failure propagates. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await pingDatabase();
    return true;
  } catch (error) {
    if (isDatabaseUnreachable(error)) return false;
    throw error;
  }
}

/** Tests point the data layer at a database of their own. */
export function setDatabaseHandle(handle: DatabaseHandle) {
  globalForDb.leverageDb = Promise.resolve(handle);
}
