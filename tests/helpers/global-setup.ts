import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run keeps its template databases: a folder for PGlite, a name prefix on PostgreSQL. */
    templates: string;
  }
}

/** A place for this run's template databases (tests/helpers/test-db.ts), removed when the run ends. */
export default function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "ll-test-templates-"));
    project.provide("templates", folder);
    return () => fs.rmSync(folder, { recursive: true, force: true });
  }
  const prefix = `ll_tmpl_${randomBytes(6).toString("hex")}_`;
  project.provide("templates", prefix);
  return async () => {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const left = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`${prefix}%`}`;
      for (const { datname } of left) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    } finally {
      await admin.end();
    }
  };
}
