import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people, signInThrottle } from "@/db/schema";
import { SIGN_IN_LIMITS, verifySignIn } from "@/lib/sign-in";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
const password = "correct horse";

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = bcrypt.hashSync(password, 4);
  await testDb.db.insert(people).values([
    { name: "Ada Active", email: "ada@example.test", passwordHash: hash },
    { name: "Bo Blocked", email: "bo@example.test", passwordHash: hash },
    { name: "Cy Gone", email: "cy@example.test", passwordHash: hash, active: false },
    { name: "Di Clear", email: "di@example.test", passwordHash: hash },
  ]);
});
afterAll(() => testDb.dispose());

async function throttleRow(key: string) {
  const [row] = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row;
}

describe("verifySignIn", () => {
  it("accepts the right password and records the sign-in in the audit log", async () => {
    const outcome = await verifySignIn({ email: "ada@example.test", password, ip: "10.0.0.1" });
    expect(outcome.result).toBe("ok");
    const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "sign_in"));
    expect(entries.some((e) => e.ip === "10.0.0.1")).toBe(true);
  });

  it("refuses a wrong password and an unknown email alike, counting both in the database", async () => {
    expect((await verifySignIn({ email: "ada@example.test", password: "nope", ip: "10.0.0.2" })).result).toBe(
      "invalid",
    );
    expect((await verifySignIn({ email: "nobody@example.test", password, ip: "10.0.0.2" })).result).toBe("invalid");
    expect((await throttleRow("email:ada@example.test"))?.failures).toBe(1);
    expect((await throttleRow("email:nobody@example.test"))?.failures).toBe(1);
    expect((await throttleRow("ip:10.0.0.2"))?.failures).toBe(2);
    const failed = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "sign_in.failed"));
    expect(failed.length).toBeGreaterThanOrEqual(2);
  });

  it("locks an email after too many failures, even against the right password", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      expect((await verifySignIn({ email: "bo@example.test", password: `wrong-${i}`, ip: `10.1.0.${i}` })).result).toBe(
        "invalid",
      );
    }
    expect((await throttleRow("email:bo@example.test"))?.failures).toBe(SIGN_IN_LIMITS.perEmail);
    expect((await verifySignIn({ email: "bo@example.test", password, ip: "10.1.0.99" })).result).toBe("throttled");
    expect((await throttleRow("email:bo@example.test"))?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Another account from another address is unaffected.
    expect((await verifySignIn({ email: "ada@example.test", password, ip: "10.1.0.98" })).result).toBe("ok");
  });

  it("locks an address after too many failures across different emails", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await verifySignIn({ email: `guess-${i}@example.test`, password: "x", ip: "10.9.9.9" });
    }
    expect((await verifySignIn({ email: "ada@example.test", password, ip: "10.9.9.9" })).result).toBe("throttled");
    expect((await verifySignIn({ email: "ada@example.test", password, ip: "10.9.9.8" })).result).toBe("ok");
  });

  it("counts parallel attempts, so a burst cannot try more passwords than the limit", async () => {
    const burst = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perEmail + 5 }, (_, i) =>
        verifySignIn({ email: "eve@example.test", password: `guess-${i}`, ip: `10.5.0.${i}` }),
      ),
    );
    expect(burst.filter((o) => o.result === "invalid")).toHaveLength(SIGN_IN_LIMITS.perEmail);
    expect(burst.filter((o) => o.result === "throttled")).toHaveLength(5);
  });

  it("clears an email's failures after a successful sign-in", async () => {
    await verifySignIn({ email: "di@example.test", password: "wrong", ip: "10.2.0.1" });
    expect((await throttleRow("email:di@example.test"))?.failures).toBe(1);
    expect((await verifySignIn({ email: "di@example.test", password, ip: "10.2.0.1" })).result).toBe("ok");
    expect(await throttleRow("email:di@example.test")).toBeUndefined();
  });

  it("refuses a deactivated person who knows the password", async () => {
    expect((await verifySignIn({ email: "cy@example.test", password, ip: "10.3.0.1" })).result).toBe("deactivated");
    expect((await verifySignIn({ email: "cy@example.test", password: "wrong", ip: "10.3.0.1" })).result).toBe(
      "invalid",
    );
  });
});
