import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findSessionActor, startSession } from "@/db/queries/sessions";
import { auditLog, outboxMails, people } from "@/db/schema";
import { changeOwnPassword, signOutEverywhere } from "@/lib/account";
import { verifySignIn } from "@/lib/sign-in";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let ada: { id: number; name: string; email: string; role: "employee" };
const limits = { idleMinutes: 60, maxHours: 10 };

beforeAll(async () => {
  vi.stubEnv("SMTP_URL", undefined);
  vi.spyOn(console, "log").mockImplementation(() => {});
  testDb = await createTestDatabase();
  const [row] = await testDb.db
    .insert(people)
    .values({ name: "Ada", email: "ada@example.test", passwordHash: bcrypt.hashSync("old-password-123", 4) })
    .returning();
  ada = { id: row!.id, name: row!.name, email: row!.email, role: "employee" };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await testDb.dispose();
});

describe("My account", () => {
  it("refuses a wrong current password and a new one under the policy, changing nothing", async () => {
    await expect(
      changeOwnPassword(ada, { current: "wrong", password: "velvet-harbour-92", ip: "x" }),
    ).rejects.toMatchObject({
      fieldErrors: { current: ["This is not your current password."] },
    });
    await expect(
      changeOwnPassword(ada, { current: "old-password-123", password: "password1234", ip: "x" }),
    ).rejects.toMatchObject({ fieldErrors: { password: [expect.stringMatching(/too common/)] } });
    expect((await verifySignIn({ email: ada.email, password: "old-password-123", ip: "y" })).result).toBe("ok");
  });

  it("changes the password, ends every session, records it and tells the person by mail", async () => {
    const s1 = await startSession({ personId: ada.id });
    const s2 = await startSession({ personId: ada.id });
    await changeOwnPassword(ada, {
      current: "old-password-123",
      password: "velvet-harbour-quietly-92",
      ip: "10.0.0.5",
    });
    expect(await findSessionActor(s1, limits)).toBeNull();
    expect(await findSessionActor(s2, limits)).toBeNull();
    expect((await verifySignIn({ email: ada.email, password: "old-password-123", ip: "y" })).result).toBe("invalid");
    expect((await verifySignIn({ email: ada.email, password: "velvet-harbour-quietly-92", ip: "y" })).result).toBe(
      "ok",
    );
    const [mail] = await testDb.db.select().from(outboxMails).where(eq(outboxMails.template, "passwordChanged"));
    expect(mail?.to).toBe(ada.email);
    const changed = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "password.changed"));
    expect(changed).toHaveLength(1);
  });

  it("signs out everywhere", async () => {
    const s1 = await startSession({ personId: ada.id });
    const s2 = await startSession({ personId: ada.id });
    expect(await signOutEverywhere(ada, "10.0.0.6")).toBeGreaterThanOrEqual(2);
    expect(await findSessionActor(s1, limits)).toBeNull();
    expect(await findSessionActor(s2, limits)).toBeNull();
  });
});
