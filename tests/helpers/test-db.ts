import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { setDatabaseHandle } from "@/db";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { ensureReferenceData } from "@/db/reference-data";
import { seedDemoOrganisation } from "@/db/seed";

export const driverUnderTest = process.env.DATABASE_URL ? "postgres" : "pglite";

/** What a test database starts with; each kind builds on the one before it. */
type Kind = "migrated" | "reference" | "seeded";
const parentOf = { migrated: null, reference: "migrated", seeded: "reference" } as const;

/** Brings a database of the parent kind up to `kind`, as createTestDatabase used to do for every file. */
async function fill(handle: DatabaseHandle, kind: Kind) {
  if (kind === "migrated") await handle.migrate();
  if (kind === "reference") await ensureReferenceData(handle.db);
  if (kind === "seeded") {
    setDatabaseHandle(handle);
    await seedDemoOrganisation(handle.db);
  }
}

/**
 * Creating a PGlite cluster, migrating it and seeding it took most of a data-layer file's time, so
 * each kind is built once per run and every test file starts from a copy of it (`dumpDataDir`).
 * Workers that need a template at the same moment both build it; the first to finish wins the rename.
 */
const pgliteTemplates = new Map<Kind, Promise<Blob>>();
function pgliteTemplate(kind: Kind): Promise<Blob> {
  let template = pgliteTemplates.get(kind);
  if (!template) {
    template = buildPgliteTemplate(kind);
    pgliteTemplates.set(kind, template);
  }
  return template;
}

async function buildPgliteTemplate(kind: Kind): Promise<Blob> {
  const file = path.join(inject("templates"), `${kind}.tar`);
  if (!fs.existsSync(file)) {
    const parent = parentOf[kind];
    const handle = await openPglite(null, parent ? await pgliteTemplate(parent) : undefined);
    try {
      await fill(handle, kind);
      const partial = `${file}.${process.pid}`;
      fs.writeFileSync(partial, Buffer.from(await (await handle.dump()).arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      await handle.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/** The same on PostgreSQL: a template database per kind, copied by `create database … template`. */
async function postgresTemplate(admin: postgres.Sql, url: string, kind: Kind): Promise<string> {
  const name = `${inject("templates")}${kind}`;
  const [ready] = await admin`select 1 from pg_database where datname = ${name}`;
  if (ready) return name;
  const parent = parentOf[kind];
  const building = `${name}_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(
    `create database ${building}${parent ? ` template ${await postgresTemplate(admin, url, parent)}` : ""}`,
  );
  const handle = openPostgres(databaseUrl(url, building));
  try {
    await fill(handle, kind);
  } finally {
    await handle.close();
  }
  try {
    await admin.unsafe(`alter database ${building} rename to ${name}`);
  } catch (error) {
    // Another worker built it first (duplicate_database): use theirs.
    if ((error as { code?: string }).code !== "42P04") throw error;
    await admin.unsafe(`drop database ${building} with (force)`);
  }
  return name;
}

function databaseUrl(url: string, name: string) {
  const result = new URL(url);
  result.pathname = `/${name}`;
  return result.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when DATABASE_URL
 * is set, a new database created beside it on that PostgreSQL server and dropped afterwards.
 * The O*NET reference data only with `{ reference: true }`; the demo organisation with `{ seed: true }`
 * (seeding loads the reference data too). Each is a copy of a template of this run (above).
 */
export async function createTestDatabase(
  options: { reference?: boolean; seed?: boolean } = {},
): Promise<DatabaseHandle & { dispose(): Promise<void> }> {
  const kind: Kind = options.seed ? "seeded" : options.reference ? "reference" : "migrated";
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let dropDatabase = async () => {};
  if (url) {
    const name = `ll_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${await postgresTemplate(admin, url, kind)}`);
    handle = openPostgres(databaseUrl(url, name));
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openPglite(null, await pgliteTemplate(kind));
  }
  setDatabaseHandle(handle);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}
