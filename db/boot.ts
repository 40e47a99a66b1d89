import { isDemoMode } from "@/lib/env";
import { DataDirInUseError } from "./data-dir-lock";
import { isDatabaseUnreachable } from "./errors";
import { getDb } from "./index";

/**
 * Opens the database as the server boots. One that cannot be reached yet (started after the app,
 * or restarting) is no reason to stop: pages show the calm outage page and /api/health answers 503
 * until it answers, then the next request opens it. Anything else — the PGlite folder in use, a
 * role that may not migrate, a wrong password or database name — stops the server with the reason,
 * rather than leaving it up answering every request with a bare 500.
 */
export async function openDatabaseOnBoot() {
  try {
    await getDb();
    if (isDemoMode()) {
      console.warn(
        "Demo mode: the Northwind demo organisation and its published passwords are enabled. Set LEVERAGE_DEMO=0 for real use.",
      );
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    if (isDatabaseUnreachable(error)) {
      console.error(
        `\nThe database cannot be reached yet (${(error as Error).message}): pages say so and /api/health answers 503 until it does; nothing needs restarting.\n`,
      );
      return;
    }
    console.error(`\nRefusing to start: the database could not be opened (${(error as Error).message}).\n`, error);
    process.exit(1);
  }
}
