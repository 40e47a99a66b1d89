import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCycle, updateCycleDates } from "@/db/queries/admin";
import { reviewCycles } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import type { Actor } from "@/lib/authz";
import { demoDatabase } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoDatabase>>;
let sam: Actor;

beforeAll(async () => {
  demo = await demoDatabase();
  sam = await demo.actor("sam.taylor@northwind.example");
});
afterAll(() => demo.testDb.dispose());

async function cyclesIn(year: string) {
  const rows = await demo.testDb.db.select().from(reviewCycles);
  return rows.filter((c) => c.startsOn.startsWith(year));
}

describe(`cycles never overlap (${driverUnderTest})`, () => {
  it("ten parallel creates with the same dates make one cycle; the others are told it overlaps", async () => {
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 1, 2, 3, 4, 1, 2].map((q, i) =>
        createCycle(sam, { name: `${2030 + i} Q${q}`, startsOn: "2040-01-01", endsOn: "2040-03-31" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(ActionError);
      expect((r.reason as ActionError).fieldErrors?.startsOn?.[0]).toMatch(/Overlaps/);
    }
    expect(await cyclesIn("2040")).toHaveLength(1);
  });

  it("ten parallel creates with overlapping, different dates make one cycle", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        createCycle(sam, {
          name: `${2050 + i} Q1`,
          startsOn: `2041-01-${String(10 + i).padStart(2, "0")}`,
          endsOn: "2041-03-31",
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await cyclesIn("2041")).toHaveLength(1);
  });

  it("the database refuses an overlapping cycle whoever writes it, and a move into another's dates", async () => {
    await expect(
      demo.testDb.db.insert(reviewCycles).values({ name: "2070 Q1", startsOn: "2040-03-31", endsOn: "2040-06-30" }),
    ).rejects.toThrow();
    const next = await createCycle(sam, { name: "2071 Q2", startsOn: "2040-04-01", endsOn: "2040-06-30" });
    await expect(updateCycleDates(sam, next.id, { startsOn: "2040-03-15", endsOn: "2040-06-30" })).rejects.toThrow(
      /overlap/,
    );
  });
});
