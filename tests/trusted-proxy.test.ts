import bcrypt from "bcryptjs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { people } from "@/db/schema";
import { clientAddress, SIGN_IN_LIMITS, verifySignIn } from "@/lib/sign-in";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db.insert(people).values({
    name: "Rae Real",
    email: "rae@example.test",
    passwordHash: bcrypt.hashSync("the-right-password", 4),
    appRole: "employee",
  });
});
afterAll(() => testDb.dispose());
afterEach(() => vi.unstubAllEnvs());

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("the client address for the per-address sign-in limit", () => {
  it("ignores X-Forwarded-For unless a trusted proxy is configured", () => {
    vi.stubEnv("TRUST_PROXY", undefined);
    expect(clientAddress(forwardedFor("203.0.113.9"))).toBeNull();
    vi.stubEnv("TRUST_PROXY", "0");
    expect(clientAddress(forwardedFor("203.0.113.9"))).toBeNull();
  });

  it("behind the trusted proxy, takes the address the proxy appended, not the one the client wrote", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    expect(clientAddress(forwardedFor("203.0.113.9, 198.51.100.7"))).toBe("198.51.100.7");
    expect(clientAddress(forwardedFor("198.51.100.7"))).toBe("198.51.100.7");
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("with no address known, failures on many emails lock no one else out", async () => {
    for (let i = 0; i <= SIGN_IN_LIMITS.perIp; i++) {
      const outcome = await verifySignIn({ email: `spray${i}@example.test`, password: "guess", ip: null });
      expect(outcome.result).toBe("invalid");
    }
    const real = await verifySignIn({ email: "rae@example.test", password: "the-right-password", ip: null });
    expect(real.result).toBe("ok");
  });

  it("with an address, the per-address limit still holds", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++)
      await verifySignIn({ email: `spray-b${i}@example.test`, password: "guess", ip: "198.51.100.7" });
    const next = await verifySignIn({ email: "rae@example.test", password: "the-right-password", ip: "198.51.100.7" });
    expect(next.result).toBe("throttled");
  });
});
