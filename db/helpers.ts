/** Small helpers the data layer shares. No `server-only` here: the seed CLI uses them too. */
import { asc, desc, eq } from "drizzle-orm";
import type { ZodError } from "zod";
import type { Database } from "@/db/client";
import { reviewCycles, roleProfileVersions } from "@/db/schema";
import { ActionError, fieldErrorsOf } from "@/lib/action-state";
import type { LevelMix } from "@/lib/ladder";

/** The transaction a `db.transaction` callback receives, on either driver. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Anything that can read: the database or a transaction. */
export type Reader = Pick<Database, "select" | "selectDistinctOn">;

type ShareKey = "s1" | "s2" | "s3" | "s4" | "s5";
type Shares = { s1: number | null; s2: number | null; s3: number | null; s4: number | null; s5: number | null };

/** The five shares of a row as a level mix; null when any is missing (a draft's). */
export function mixOf(row: LevelMix): LevelMix;
export function mixOf(row: Shares): LevelMix | null;
export function mixOf(row: Shares): LevelMix | null {
  if (row.s1 === null || row.s2 === null || row.s3 === null || row.s4 === null || row.s5 === null) return null;
  return { s1: row.s1, s2: row.s2, s3: row.s3, s4: row.s4, s5: row.s5 };
}

/** The five share columns (or values) of a table, subquery or row, to spread into a select or an insert. */
export function sharesOf<T extends Record<ShareKey, unknown>>(t: T): Pick<T, ShareKey> {
  return { s1: t.s1, s2: t.s2, s3: t.s3, s4: t.s4, s5: t.s5 };
}

/** Parses again in the data layer, so no caller can store what the form's schema refuses. */
export function parseOrRefuse<T>(
  result: { success: true; data: T } | { success: false; error: ZodError },
  message = "Some answers need attention.",
): T {
  if (result.success) return result.data;
  throw new ActionError(message, fieldErrorsOf(result.error));
}

/** Rows in batches, so one insert stays under the driver's parameter limit. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Text typed by a user, matched literally by LIKE/ILIKE: `%`, `_` and `\` lose their wildcard meaning. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A LIKE pattern matching rows that contain the typed text anywhere. */
export function containsPattern(text: string) {
  return `%${escapeLike(text)}%`;
}

/** The review cycle open now: the earliest open one, should two ever be open. */
export async function earliestOpenCycle(db: Reader) {
  const [cycle] = await db
    .select()
    .from(reviewCycles)
    .where(eq(reviewCycles.status, "open"))
    .orderBy(asc(reviewCycles.startsOn))
    .limit(1);
  return cycle ?? null;
}

/** The newest version of each role profile — the mapping in force now — as a subquery to join on `roleProfileId`. */
export function latestRoleVersions(db: Reader, alias = "latest_role_version") {
  return db
    .selectDistinctOn([roleProfileVersions.roleProfileId], {
      id: roleProfileVersions.id,
      roleProfileId: roleProfileVersions.roleProfileId,
      version: roleProfileVersions.version,
      description: roleProfileVersions.description,
      ...sharesOf(roleProfileVersions),
      createdAt: roleProfileVersions.createdAt,
      createdById: roleProfileVersions.createdById,
    })
    .from(roleProfileVersions)
    .orderBy(roleProfileVersions.roleProfileId, desc(roleProfileVersions.version))
    .as(alias);
}
