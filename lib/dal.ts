import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { findActivePersonById, isOwnAssessment, managesPerson } from "@/db/queries/people";
import type { AppRole } from "@/db/schema";
import { auth } from "@/lib/auth";
import type { Actor } from "@/lib/authz";

/**
 * The signed-in person, re-read from the database once per request: a deactivated person or a
 * changed role takes effect at once, whatever the session cookie still says.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return findActivePersonById(id);
});

export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  return actor;
}

export async function requireRole(...roles: AppRole[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}

/** Managers reach only the people currently in the teams they manage. */
export async function requireManagerOf(personId: number): Promise<Actor> {
  const actor = await requireRole("manager");
  if (await managesPerson(actor.id, personId)) return actor;
  forbidden();
}

export async function requireOwnAssessment(assessmentId: number): Promise<Actor> {
  const actor = await requireActor();
  if (!(await isOwnAssessment(actor.id, assessmentId))) forbidden();
  return actor;
}
