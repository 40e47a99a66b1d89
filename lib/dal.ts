import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { findSessionActor, type SessionLimits } from "@/db/queries/sessions";
import type { AppRole } from "@/db/schema";
import { auth } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { serverEnv } from "@/lib/env";

/** Session cookies already decrypted, with the session row each names; a minute at most. */
const decodedCookies = new Map<string, { sessionId: string | null; until: number }>();
const DECODED_FOR_MS = 60_000;
const DECODED_MAX = 1000;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * The session row the request's cookie names, if the cookie is genuine. Auth.js decrypts and
 * re-encrypts the cookie on every call, several trips to the crypto thread pool that cost a save
 * about as much as its transaction on a busy machine; so a cookie header seen in the last minute is
 * not decrypted again. The session row is still read on every request (getCurrentActor): a session
 * ended meanwhile opens nothing.
 */
export const getCurrentSessionId = cache(async (): Promise<string | null> => {
  const cookie = (await headers()).get("cookie") ?? "";
  const cacheable = SESSION_COOKIE.test(cookie);
  const now = Date.now();
  const known = cacheable ? decodedCookies.get(cookie) : undefined;
  if (known && known.until > now) return known.sessionId;
  const sessionId = (await auth())?.sessionId ?? null;
  if (cacheable) {
    if (decodedCookies.size >= DECODED_MAX) decodedCookies.delete(decodedCookies.keys().next().value!);
    decodedCookies.set(cookie, { sessionId, until: now + DECODED_FOR_MS });
  }
  return sessionId;
});

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
