/**
 * When the server boots, before any request: opens (migrates, and in demo mode seeds) the database
 * and starts this process's background job worker (lib/jobs/runner.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { missingSharedSecrets } = await import("./lib/env");
    const missing = missingSharedSecrets();
    if (missing.length > 0) {
      console.error(
        `\nRefusing to start: set ${missing.join(" and ")}. On PostgreSQL every instance must share them (see the README, "Several instances").\n`,
      );
      process.exit(1);
    }
    const { openDatabaseOnBoot } = await import("./db/boot");
    await openDatabaseOnBoot();
    const { startJobWorker } = await import("./lib/jobs/runner");
    startJobWorker();
    // Under `npm start` with WEB_CONCURRENCY, the primary (scripts/start.mjs) replaces only workers that got this far.
    process.send?.("leverage-ladder:ready");
  }
}
