import { eq } from "drizzle-orm";
import { people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { actorByEmail } from "./actors";
import { createTestDatabase } from "./test-db";

/** A fresh database holding the demo organisation, and a way to find its people as actors. */
export async function demoDatabase() {
  const testDb = await createTestDatabase({ seed: true });
  // createTestDatabase makes this database the data layer's, where actorByEmail reads.
  const actor = actorByEmail;
  /** A new person with a current membership of the team, for cases the demo data does not hold. */
  const addMember = async (name: string, teamId: number): Promise<Actor> => {
    const [person] = await testDb.db
      .insert(people)
      .values({
        name,
        email: `${name.toLowerCase().replace(/\W+/g, ".")}@northwind.example`,
        passwordHash: "x".repeat(60),
      })
      .returning();
    await testDb.db.insert(teamMemberships).values({ teamId, personId: person!.id, startedOn: "2026-01-01" });
    return { id: person!.id, name: person!.name, email: person!.email, role: person!.appRole };
  };
  return { testDb, actor, addMember };
}

/** The demo organisation in its open quarter, as Daniel Okafor, the FP&A team's manager, reviews it. */
export async function demoSeason() {
  const demo = await demoDatabase();
  const daniel = await demo.actor("daniel.okafor@northwind.example");
  const [open] = await demo.testDb.db.select().from(reviewCycles).where(eq(reviewCycles.status, "open"));
  const [fpa] = await demo.testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
  return { ...demo, daniel, cycleId: open!.id, fpaId: fpa!.id };
}

/** A complete instrument, as the forms send it. */
export function completeValues(over: { task?: string; notes?: string; mix?: number[] } = {}) {
  const [s1, s2, s3, s4, s5] = over.mix ?? [5, 15, 40, 30, 10];
  return {
    mix: { s1, s2, s3, s4, s5 },
    ratings: { judgment: 4, communication: 3, stakeholders: 4, systemsThinking: 3, ownership: 4 },
    tasks: [{ text: over.task ?? "Advise department heads on their forecast assumptions", level: 3, aiUsed: false }],
    notes: over.notes ?? "Owns the forecast for two departments now.",
  };
}
