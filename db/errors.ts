/**
 * The database constraint a failed write ran into — a unique key, an exclusion or a check — by its
 * name, whichever driver raised it (postgres.js says constraint_name, PGlite constraint) and however
 * deeply Drizzle wrapped it. Null for any other error. Lets a race the pre-checks could not see
 * get the same specific message as the pre-check.
 */
export function violatedConstraint(error: unknown): { code: string; name: string | null } | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = e as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (typeof code === "string" && code.startsWith("23")) {
      const name =
        typeof constraint_name === "string" ? constraint_name : typeof constraint === "string" ? constraint : null;
      return { code, name };
    }
  }
  return null;
}

export function isUniqueViolation(error: unknown) {
  return violatedConstraint(error)?.code === "23505";
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL: shutting down, starting up, too many connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** True when the error means the database could not be reached (down, restarting, unreachable), not a bad query. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code } = e as { code?: unknown };
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnreachable)) return true;
  }
  return false;
}

/** What a person is told when the database cannot be reached: calm, true, and what to do. */
export const DATABASE_UNREACHABLE = "We could not reach the database — nothing was lost. Try again in a moment.";
