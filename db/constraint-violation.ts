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
