import type { AppRole } from "@/db/schema";

/** Who is asking: the signed-in person as the database knows them right now. */
export type Actor = { id: number; name: string; email: string; role: AppRole };

/** Thrown by the data layer when the actor may not read or write what they asked for. */
export class AccessDeniedError extends Error {
  constructor(message = "You do not have access to this.") {
    super(message);
    this.name = "AccessDeniedError";
  }
}

export function hasRole(actor: Actor, roles: readonly AppRole[]) {
  return roles.includes(actor.role);
}

export function assertRole(actor: Actor, roles: readonly AppRole[]) {
  if (!hasRole(actor, roles)) {
    throw new AccessDeniedError(`This needs one of the roles: ${roles.join(", ")}.`);
  }
}

/** Who may see the organisation-wide figures. */
export const ORGANIZATION_ROLES = ["leader", "admin"] as const satisfies readonly AppRole[];

/** The page each role lands on after signing in. */
export function homePathFor(role: AppRole) {
  switch (role) {
    case "employee":
      return "/me";
    case "manager":
      return "/team";
    case "leader":
      return "/organization";
    case "admin":
      return "/admin";
  }
}
