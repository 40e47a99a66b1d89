import { getDb } from "@/db";
import { assessments } from "@/db/schema";
import { effectiveAssessment, type LevelMix } from "@/lib/ladder";

type Row = typeof assessments.$inferSelect;

function withMix(a: Row | null) {
  return (
    a && { ...a, mix: a.s1 === null ? null : ({ s1: a.s1, s2: a.s2!, s3: a.s3!, s4: a.s4!, s5: a.s5! } as LevelMix) }
  );
}

/**
 * Every person's effective assessment per cycle, chosen in JavaScript from every row of the test
 * file's database: the oracle the SQL aggregates are checked against.
 */
export async function effectiveAssessmentsFromRows() {
  const db = await getDb();
  const rows = await db.select().from(assessments);
  const pairs = new Map<string, { self: Row | null; manager: Row | null }>();
  for (const row of rows) {
    const key = `${row.cycleId}:${row.subjectId}`;
    const entry = pairs.get(key) ?? { self: null, manager: null };
    entry[row.kind] = row;
    pairs.set(key, entry);
  }
  const chosen = [];
  for (const { self, manager } of pairs.values()) {
    const c = effectiveAssessment(withMix(self), withMix(manager));
    if (c?.mix) chosen.push(c as typeof c & { mix: LevelMix });
  }
  return chosen;
}
