import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { setDatabaseHandle } from "@/db";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { ensureReferenceData } from "@/db/reference-data";
import { seedDemoOrganisation } from "@/db/seed";

export const driverUnderTest = process.env.DATABASE_URL ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when DATABASE_URL
 * is set, a new database created beside it on that PostgreSQL server and dropped afterwards.
 * The O*NET reference data (about 1 s to load) only with `{ reference: true }`; the demo organisation
 * with `{ seed: true }` (seeding loads the reference data too).
 */
export async function createTestDatabase(
  options: { reference?: boolean; seed?: boolean } = {},
): Promise<DatabaseHandle & { dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let dropDatabase = async () => {};
  if (url) {
    const name = `ll_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    handle = openPostgres(testUrl.toString());
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openPglite(null);
  }
  await handle.migrate();
  if (options.reference) await ensureReferenceData(handle.db);
  setDatabaseHandle(handle);
  if (options.seed) await seedDemoOrganisation(handle.db);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}
