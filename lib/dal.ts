import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { findActivePersonById } from "@/db/queries/people";
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
