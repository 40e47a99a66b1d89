import "server-only";
import { getDb } from "@/db";
import type { AppRole } from "@/db/schema";
import { type Actor, assertRole } from "@/lib/authz";

/** The database, once the actor is known to hold one of `roles`: how a query that reads for someone starts. */
export async function databaseFor(actor: Actor, roles: readonly AppRole[]) {
  assertRole(actor, roles);
  return getDb();
}
