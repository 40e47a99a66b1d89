import { DataDirInUseError } from "./data-dir-lock";

/** A lock held by another process is an answer for the user, not a stack trace. */
export function reportCliError(error: unknown) {
  if (error instanceof DataDirInUseError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
