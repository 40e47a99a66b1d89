// `npm run db:migrate`: apply the migrations to the configured database (PGlite or DATABASE_URL).
import { openConfiguredDatabase } from "./client";
import { reportCliError } from "./cli-errors";

async function main() {
  const started = performance.now();
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    console.log(`Migrations applied on ${handle.driver} (${handle.location}) in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await handle.close();
  }
}

main().catch(reportCliError);
