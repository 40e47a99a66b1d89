import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, departments, reviewCycles, teams } from "@/db/schema";
import { seedDemoOrganisation } from "@/db/seed";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoOrganisation(testDb.db);
});
afterAll(() => testDb.dispose());

type Sums = Record<string, number[]>;

/** Per (team, cycle) and (department, cycle): count and share sums, all and manager-reviewed, from scratch. */
async function fromScratch() {
  const db = testDb.db;
  // The rule ranked from scratch over every assessment, as the pages computed it before the rollups.
  const effective = db.$with("effective").as(
    db
      .selectDistinctOn([assessments.cycleId, assessments.subjectId], {
        cycleId: assessments.cycleId,
        subjectId: assessments.subjectId,
        teamId: assessments.teamId,
        s1: assessments.s1,
        s2: assessments.s2,
        s3: assessments.s3,
        s4: assessments.s4,
        s5: assessments.s5,
      })
      .from(assessments)
      .where(
        and(
          isNotNull(assessments.s1),
          or(
            and(eq(assessments.kind, "manager"), eq(assessments.status, "finalized")),
            and(eq(assessments.kind, "self"), inArray(assessments.status, ["submitted", "finalized"])),
          ),
        ),
      )
      .orderBy(
        assessments.cycleId,
        assessments.subjectId,
        sql`case when ${assessments.kind} = 'manager' then 0 else 1 end`,
      ),
  );
  const rows = await db
    .with(effective)
    .select({
      teamId: effective.teamId,
      departmentId: teams.departmentId,
      cycleId: effective.cycleId,
      s: sql<number[]>`array[${effective.s1}, ${effective.s2}, ${effective.s3}, ${effective.s4}, ${effective.s5}]`,
      reviewed: sql<boolean>`exists (select 1 from ${assessments} m where m.cycle_id = ${effective.cycleId} and m.subject_id = ${effective.subjectId} and m.kind = 'manager' and m.status = 'finalized' and m.s1 is not null)`,
    })
    .from(effective)
    .innerJoin(teams, eq(teams.id, effective.teamId));
  const team: Sums = {};
  const department: Sums = {};
  const add = (into: Sums, key: string, s: number[], reviewed: boolean) => {
    const v = into[key] ?? Array<number>(12).fill(0);
    into[key] = v.map((x, i) => {
      if (i === 0) return x + 1;
      if (i <= 5) return x + s[i - 1]!;
      if (!reviewed) return x;
      return i === 6 ? x + 1 : x + s[i - 7]!;
    });
  };
  for (const r of rows) {
    add(team, `${r.teamId}:${r.cycleId}`, r.s, r.reviewed);
    add(department, `${r.departmentId}:${r.cycleId}`, r.s, r.reviewed);
  }
  return { team, department };
}

async function fromRollups() {
  const read = async (table: "team_cycle_figures" | "department_cycle_figures", key: string) => {
    const rows = (await testDb.db.execute(
      sql.raw(`select ${key} as k, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed,
        reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5 from ${table} where assessed <> 0 or reviewed <> 0`),
    )) as unknown as Record<string, number>[];
    const rowsArray = Array.isArray(rows) ? rows : (rows as unknown as { rows: Record<string, number>[] }).rows;
    return Object.fromEntries(
      rowsArray.map((r) => [
        `${r.k}:${r.cycle_id}`,
        [
          r.assessed,
          r.sum_s1,
          r.sum_s2,
          r.sum_s3,
          r.sum_s4,
          r.sum_s5,
          r.reviewed,
          r.reviewed_s1,
          r.reviewed_s2,
          r.reviewed_s3,
          r.reviewed_s4,
          r.reviewed_s5,
        ].map(Number),
      ]),
    );
  };
  return {
    team: await read("team_cycle_figures", "team_id"),
    department: await read("department_cycle_figures", "department_id"),
  };
}

const mixArb = fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)).map(([a, b, c, d]) => {
  const cuts = [a, b, c, d].sort((x, y) => x - y);
  return [cuts[0]!, cuts[1]! - cuts[0]!, cuts[2]! - cuts[1]!, cuts[3]! - cuts[2]!, 100 - cuts[3]!];
});

const writeArb = fc.oneof(
  fc.record({
    op: fc.constant("status" as const),
    pick: fc.nat(),
    status: fc.constantFrom("draft", "submitted", "returned", "finalized"),
  }),
  fc.record({ op: fc.constant("mix" as const), pick: fc.nat(), mix: mixArb }),
  fc.record({ op: fc.constant("team" as const), pick: fc.nat(), team: fc.nat() }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("department" as const), team: fc.nat(), department: fc.nat() }),
);

/** A write the database refuses (a check constraint) changes nothing, which the comparison then confirms. */
async function refusedIsFine(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    const text = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ""}`;
    if (!/violates check constraint/.test(text)) throw error;
  }
}

describe("rollups kept by the triggers", () => {
  it("start equal to a from-scratch computation over the seeded organisation", async () => {
    const scratch = await fromScratch();
    expect(Object.keys(scratch.team).length).toBeGreaterThan(20);
    expect(await fromRollups()).toEqual(scratch);
  });

  it("stay equal to a from-scratch computation after random writes", async () => {
    const db = testDb.db;
    // Closed cycles refuse writes; this test writes to every cycle, so it opens them all.
    await db.update(reviewCycles).set({ status: "open" });
    const teamIds = (await db.select({ id: teams.id }).from(teams)).map((t) => t.id);
    const departmentIds = (await db.select({ id: departments.id }).from(departments)).map((d) => d.id);
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) {
          if (w.op === "department") {
            await db
              .update(teams)
              .set({ departmentId: departmentIds[w.department % departmentIds.length]! })
              .where(eq(teams.id, teamIds[w.team % teamIds.length]!));
            continue;
          }
          await refusedIsFine(async () => {
            const ids = (await db.select({ id: assessments.id }).from(assessments).orderBy(assessments.id)).map(
              (a) => a.id,
            );
            const id = ids[w.pick % ids.length]!;
            if (w.op === "status")
              await db
                .update(assessments)
                .set({ status: w.status, draftValues: null, submittedAt: sql`coalesce(submitted_at, now())` })
                .where(eq(assessments.id, id));
            else if (w.op === "mix") {
              const [s1, s2, s3, s4, s5] = w.mix;
              await db.update(assessments).set({ s1, s2, s3, s4, s5 }).where(eq(assessments.id, id));
            } else if (w.op === "team")
              await db
                .update(assessments)
                .set({ teamId: teamIds[w.team % teamIds.length]! })
                .where(eq(assessments.id, id));
            else {
              await db.execute(sql`delete from calibration_records where assessment_id = ${id}`);
              await db.delete(assessments).where(eq(assessments.id, id));
            }
          });
        }
        expect(await fromRollups()).toEqual(await fromScratch());
      }),
      { numRuns: 25 },
    );
  });
});
