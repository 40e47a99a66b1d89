import { getDb } from "./index";
import { DataDirInUseError } from "./data-dir-lock";

/** Refuses to serve at all when another process holds the PGlite folder, saying which one. */
export async function openDatabaseOnBoot() {
  try {
    await getDb();
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
