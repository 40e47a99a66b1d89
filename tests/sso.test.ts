import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  countSsoSignIns,
  getOrganizationSettings,
  setPasswordSignInAdminsOnly,
} from "@/db/queries/organization-settings";
import { auditLog, people, sessions } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { resolveSsoSignIn } from "@/lib/sso";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: Actor;
let employee: Actor;
const request = { ip: "10.9.0.1", userAgent: "vitest" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  const rows = await testDb.db
    .insert(people)
    .values([
      { name: "Ada Admin", email: "ada@example.test", appRole: "admin", passwordHash: "!" },
      { name: "Eli Employee", email: "eli@example.test", passwordHash: "!" },
      { name: "Gus Gone", email: "gus@example.test", active: false, passwordHash: "!" },
    ])
    .returning();
  admin = { id: rows[0]!.id, name: rows[0]!.name, email: rows[0]!.email, role: "admin" };
  employee = { id: rows[1]!.id, name: rows[1]!.name, email: rows[1]!.email, role: "employee" };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await testDb.dispose();
});

async function sessionsOf(personId: number) {
  return testDb.db.select().from(sessions).where(eq(sessions.personId, personId));
}

describe("password sign-in for admins only, before SSO works", () => {
  it("is off by default and only admins may change it", async () => {
    expect(await getOrganizationSettings()).toEqual({ passwordSignInAdminsOnly: false });
    await expect(setPasswordSignInAdminsOnly(employee, true)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("cannot be turned on until SSO is configured and someone has signed in with it", async () => {
    await expect(setPasswordSignInAdminsOnly(admin, true)).rejects.toThrow(/not configured/);
    vi.stubEnv("OIDC_ISSUER", "https://id.example.test");
    vi.stubEnv("OIDC_CLIENT_ID", "ladder");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    expect(await countSsoSignIns(admin)).toBe(0);
    const refusal = setPasswordSignInAdminsOnly(admin, true);
    await expect(refusal).rejects.toBeInstanceOf(ActionError);
    await expect(refusal).rejects.toThrow(/Nobody has signed in with single sign-on yet/);
    expect(await getOrganizationSettings()).toEqual({ passwordSignInAdminsOnly: false });
  });
});

describe("resolveSsoSignIn", () => {
  it("matches a verified email to the existing person, whatever its case, and starts a session row", async () => {
    const outcome = await resolveSsoSignIn({ email: " Eli@Example.TEST ", email_verified: true }, request);
    expect(outcome.result).toBe("ok");
    if (outcome.result !== "ok") return;
    expect(outcome.person.id).toBe(employee.id);
    const rows = await sessionsOf(employee.id);
    expect(rows.map((r) => r.id)).toContain(outcome.sessionId);
    expect(rows.find((r) => r.id === outcome.sessionId)).toMatchObject({ ip: "10.9.0.1", endedAt: null });
    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sign_in"), eq(auditLog.actorId, employee.id)));
    expect(audit.map((a) => a.details)).toContainEqual({ method: "sso" });
  });

  it("accepts email_verified sent as the string true", async () => {
    expect((await resolveSsoSignIn({ email: "eli@example.test", email_verified: "true" }, request)).result).toBe("ok");
  });

  it("refuses an email the provider has not verified, or no email at all, and starts nothing", async () => {
    const before = (await sessionsOf(employee.id)).length;
    expect((await resolveSsoSignIn({ email: "eli@example.test", email_verified: false }, request)).result).toBe(
      "unverified",
    );
    expect((await resolveSsoSignIn({ email: "eli@example.test" }, request)).result).toBe("unverified");
    expect((await resolveSsoSignIn({ email_verified: true }, request)).result).toBe("unverified");
    expect((await sessionsOf(employee.id)).length).toBe(before);
  });

  it("refuses an unknown email without creating anyone, and a deactivated person", async () => {
    const count = (await testDb.db.select().from(people)).length;
    expect((await resolveSsoSignIn({ email: "new@example.test", email_verified: true }, request)).result).toBe(
      "unknown",
    );
    expect((await testDb.db.select().from(people)).length).toBe(count);
    const [gus] = await testDb.db.select().from(people).where(eq(people.email, "gus@example.test"));
    expect((await resolveSsoSignIn({ email: "gus@example.test", email_verified: true }, request)).result).toBe(
      "deactivated",
    );
    expect(await sessionsOf(gus!.id)).toHaveLength(0);
    const refusals = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "sign_in.sso_refused"));
    expect(refusals.map((r) => (r.details as { reason: string }).reason)).toEqual(
      expect.arrayContaining(["unknown", "deactivated", "unverified"]),
    );
  });
});

describe("password sign-in for admins only, once SSO works", () => {
  it("is turned on and off by an admin, each change in the audit log", async () => {
    expect(await countSsoSignIns(admin)).toBeGreaterThan(0);
    await setPasswordSignInAdminsOnly(admin, true);
    expect(await getOrganizationSettings()).toEqual({ passwordSignInAdminsOnly: true });
    await setPasswordSignInAdminsOnly(admin, false);
    expect(await getOrganizationSettings()).toEqual({ passwordSignInAdminsOnly: false });
    const changes = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "settings.password_sign_in"));
    expect(changes.map((c) => c.details)).toEqual([{ adminsOnly: true }, { adminsOnly: false }]);
  });
});
