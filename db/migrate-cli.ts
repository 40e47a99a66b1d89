// `npm run db:migrate`: apply the migrations to the configured database (PGlite or DATABASE_URL)
// and load the O*NET reference data.

import { reportCliError } from "./cli-errors";
import { openConfiguredDatabase } from "./client";
import { ensureReferenceData } from "./reference-data";

async function main() {
  const started = performance.now();
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    console.log(
      `Migrations applied on ${handle.driver} (${handle.location}) in ${Math.round(performance.now() - started)} ms.`,
    );
    const reference = await ensureReferenceData(handle.db);
    console.log(
      reference.loaded
        ? `O*NET reference data loaded (${reference.occupations} occupations, ${reference.tasks} tasks) in ${Math.round(reference.ms)} ms.`
        : "O*NET reference data already loaded.",
    );
  } finally {
    await handle.close();
  }
}

main().catch(reportCliError);
