import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { assessments, people, teamMemberships, teams } from "@/db/schema";

export async function findActivePersonById(id: number) {
  const db = await getDb();
  const [person] = await db
    .select({ id: people.id, name: people.name, email: people.email, role: people.appRole })
    .from(people)
    .where(and(eq(people.id, id), eq(people.active, true)))
    .limit(1);
  return person ?? null;
}

/** True when the person is currently a member of a team this manager manages — never themselves. */
export async function managesPerson(managerId: number, personId: number) {
  if (managerId === personId) return false;
  const db = await getDb();
  const [row] = await db
    .select({ teamId: teams.id })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(and(eq(teamMemberships.personId, personId), isNull(teamMemberships.endedOn), eq(teams.managerId, managerId)))
    .limit(1);
  return row !== undefined;
}

/** True when the assessment is the person's own self-assessment. */
export async function isOwnAssessment(personId: number, assessmentId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.subjectId, personId), eq(assessments.kind, "self")))
    .limit(1);
  return row !== undefined;
}
