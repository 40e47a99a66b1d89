/** Opens (migrates, and in demo mode seeds) the database once when the server boots, before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { openDatabaseOnBoot } = await import("./db/boot");
    await openDatabaseOnBoot();
  }
}
