import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReview, returnForChanges, reviewBoard, saveManagerReview } from "@/db/queries/reviews";
import { assessments, teamMemberships } from "@/db/schema";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { completeValues, demoSeason } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoSeason>>;
let daniel: Actor;
let cycleId: number;
let fpaId: number;

beforeAll(async () => {
  demo = await demoSeason();
  ({ daniel, cycleId, fpaId } = demo);
  // Daniel moved (or imported) into the team he manages.
  await demo.testDb.db
    .update(teamMemberships)
    .set({ endedOn: "2026-01-01" })
    .where(and(eq(teamMemberships.personId, daniel.id), isNull(teamMemberships.endedOn)));
  await demo.testDb.db.insert(teamMemberships).values({ teamId: fpaId, personId: daniel.id, startedOn: "2026-01-01" });
});
afterAll(() => demo.testDb.dispose());

describe(`no self-review (${driverUnderTest})`, () => {
  it("a manager in a team they manage is not on their own board", async () => {
    const board = await reviewBoard(daniel);
    expect(board.rows.length).toBeGreaterThan(0);
    expect(board.rows.map((r) => r.personId)).not.toContain(daniel.id);
    expect(board.selfInManagedTeam).toBe(true);
  });

  it("the data layer refuses to read, write, finalize or return their own review", async () => {
    await expect(getReview(daniel, daniel.id)).rejects.toThrow(AccessDeniedError);
    for (const intent of ["draft", "review", "finalize"] as const) {
      await expect(
        saveManagerReview(
          daniel,
          { personId: daniel.id, version: 0, values: completeValues(), calibrationReason: "" },
          intent,
        ),
      ).rejects.toThrow(/cannot review yourself/);
    }
    await expect(
      returnForChanges(daniel, { personId: daniel.id, expectedSelfVersion: 1, message: "Change it." }),
    ).rejects.toThrow(AccessDeniedError);
    const rows = await demo.testDb.db
      .select()
      .from(assessments)
      .where(
        and(eq(assessments.subjectId, daniel.id), eq(assessments.kind, "manager"), eq(assessments.cycleId, cycleId)),
      );
    expect(rows).toEqual([]);
  });

  it("the database refuses a manager review authored by its subject", async () => {
    await expect(
      demo.testDb.db.insert(assessments).values({
        cycleId,
        subjectId: daniel.id,
        authorId: daniel.id,
        kind: "manager",
        teamId: fpaId,
      }),
    ).rejects.toThrow();
    const rows = await demo.testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(
        and(eq(assessments.subjectId, daniel.id), eq(assessments.kind, "manager"), eq(assessments.cycleId, cycleId)),
      );
    expect(rows).toEqual([]);
  });
});
