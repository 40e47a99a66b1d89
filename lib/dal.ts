import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { findSessionActor, type SessionLimits } from "@/db/queries/sessions";
import type { AppRole } from "@/db/schema";
import { auth } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { serverEnv } from "@/lib/env";

/** The session row the request's cookie names, if the cookie is genuine. */
export const getCurrentSessionId = cache(async (): Promise<string | null> => (await auth())?.sessionId ?? null);

/**
 * The signed-in person, re-read from the database once per request through their session row: a
 * session ended (sign-out, password set, deactivation, role change), idle past SESSION_IDLE_MINUTES
 * or older than SESSION_MAX_HOURS is refused, whatever the cookie still says.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const sessionId = await getCurrentSessionId();
  if (!sessionId) return null;
  return findSessionActor(sessionId, sessionLimits());
});

/** SESSION_IDLE_MINUTES and SESSION_MAX_HOURS, for the check above and for every list of sessions. */
export function sessionLimits(): SessionLimits {
  const env = serverEnv();
  return { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS };
}

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
