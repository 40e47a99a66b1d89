import { isDemoMode } from "@/lib/env";
import { DataDirInUseError } from "./data-dir-lock";
import { getDb } from "./index";

/** Refuses to serve at all when another process holds the PGlite folder, saying which one. */
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
    throw error;
  }
}
