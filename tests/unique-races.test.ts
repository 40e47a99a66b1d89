import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createTeam, updatePerson } from "@/db/queries/admin-people";
import { departments, people, teams } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import type { Actor } from "@/lib/authz";
import { demoDatabase } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoDatabase>>;
let sam: Actor;
let departmentId: number;

beforeAll(async () => {
  demo = await demoDatabase();
  sam = await demo.actor("sam.taylor@northwind.example");
  const [finance] = await demo.testDb.db.select().from(departments).where(eq(departments.name, "Finance"));
  departmentId = finance!.id;
});
afterAll(() => demo.testDb.dispose());

/** Runs the same write n times at once: one wins, every other one must get `field`'s specific message. */
async function race<T>(n: number, write: (i: number) => Promise<T>, field: string, message: RegExp) {
  const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => write(i)));
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    expect(r.reason, String(r.reason)).toBeInstanceOf(ActionError);
    expect((r.reason as ActionError).fieldErrors?.[field]?.[0]).toMatch(message);
  }
}

describe(`unique keys lost in a race get their specific message (${driverUnderTest})`, () => {
  it("two admins creating the same email at once: one is told the email is taken", async () => {
    await race(
      6,
      (i) => createPerson(sam, { name: `Race ${i}`, email: "race@northwind.example", role: "employee", teamId: null }),
      "email",
      /belongs to someone else/,
    );
    expect(await demo.testDb.db.select().from(people).where(eq(people.email, "race@northwind.example"))).toHaveLength(
      1,
    );
  });

  it("renaming two people to the same email at once", async () => {
    const a = await createPerson(sam, {
      name: "Rename A",
      email: "rename.a@northwind.example",
      role: "employee",
      teamId: null,
    });
    const b = await createPerson(sam, {
      name: "Rename B",
      email: "rename.b@northwind.example",
      role: "employee",
      teamId: null,
    });
    await race(
      2,
      (i) =>
        updatePerson(sam, [a.id, b.id][i]!, {
          name: `Rename ${i}`,
          email: "renamed@northwind.example",
          role: "employee",
        }),
      "email",
      /belongs to someone else/,
    );
  });

  it("two admins creating the same team at once: one is told the name is taken", async () => {
    await race(6, () => createTeam(sam, { name: "Race Team", departmentId }), "name", /taken/);
    expect(await demo.testDb.db.select().from(teams).where(eq(teams.name, "Race Team"))).toHaveLength(1);
  });
});
