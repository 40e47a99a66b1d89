/**
 * When the server boots, before any request: opens (migrates, and in demo mode seeds) the database
 * and starts this process's background job worker (lib/jobs/runner.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { openDatabaseOnBoot } = await import("./db/boot");
    await openDatabaseOnBoot();
    const { startJobWorker } = await import("./lib/jobs/runner");
    startJobWorker();
  }
}
