/**
 * `npm run db:seed [-- --reset]`: migrates the configured database (DATABASE_URL, else the embedded
 * PGlite folder) and seeds the demo organisation. Refuses a database that already holds people
 * unless --reset is given, which drops every table first.
 */
import { sql } from "drizzle-orm";
import { reportCliError } from "./cli-errors";
import { openConfiguredDatabase } from "./client";
import { people } from "./schema";
import { seedDemoOrganisation } from "./seed";

const RESET_STATEMENTS = [
  "drop schema if exists public cascade",
  "create schema public",
  "drop schema if exists drizzle cascade",
];

async function main() {
  const reset = process.argv.slice(2).includes("--reset");
  const started = performance.now();
  const handle = await openConfiguredDatabase();
  try {
    console.log(`Database: ${handle.driver} (${handle.location})`);
    await handle.migrate();
    if (reset) {
      console.log("Wiping the database (--reset)…");
      for (const statement of RESET_STATEMENTS) await handle.db.execute(sql.raw(statement));
      await handle.migrate();
    } else {
      const existing = await handle.db.select({ id: people.id }).from(people).limit(1);
      if (existing.length > 0) {
        console.error("The database already holds data; run with --reset to wipe it and seed again");
        process.exitCode = 1;
        return;
      }
    }
    const seedStarted = performance.now();
    const summary = await seedDemoOrganisation(handle.db);
    const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
    console.log("Seeded the Northwind demo organisation:");
    for (const [what, count] of Object.entries(summary)) console.log(`  ${what.padEnd(20)} ${count}`);
    console.log(`Seeded in ${seconds(seedStarted)} s (${seconds(started)} s in all).`);
  } finally {
    await handle.close();
  }
}

main().catch(reportCliError);
