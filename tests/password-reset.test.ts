import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { findUsableToken, hashToken, issueAccessToken } from "@/db/queries/access-tokens";
import { findSessionActor, startSession } from "@/db/queries/sessions";
import { accessTokens, auditLog, organizationSettings, people } from "@/db/schema";
import { RESET_LIMITS, resetRequestThrottled, sendPasswordResetMail, setPasswordWithToken } from "@/lib/password-reset";
import { verifySignIn } from "@/lib/sign-in";
import { startSmtpServer } from "./helpers/smtp-server";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const newPassword = "velvet-harbour-quietly-92";

beforeAll(async () => {
  testDb = await createTestDatabase();
  smtp = await startSmtpServer();
  await testDb.db.insert(people).values([
    { name: "Ada", email: "ada@example.test", passwordHash: bcrypt.hashSync("old-password-123", 4) },
    { name: "Gone", email: "gone@example.test", passwordHash: "!", active: false },
  ]);
});
afterAll(async () => {
  await smtp.close();
  await testDb.dispose();
});
afterEach(() => vi.unstubAllEnvs());

function tokenFrom(text: string) {
  const match = text.match(/set-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no link in ${text}`);
  return match[1]!;
}

describe("password reset by mail", () => {
  it("mails a single-use link that sets a password, ends old sessions and is stored only as a hash", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("APP_URL", "https://ladder.example.test/");
    const [ada] = await testDb.db.select().from(people).where(eq(people.email, "ada@example.test"));
    const oldSession = await startSession({ personId: ada!.id });

    expect(await sendPasswordResetMail("ada@example.test", "10.0.0.1")).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(["ada@example.test"]);
    expect(mail!.parsed.text).toContain("https://ladder.example.test/set-password?token=");
    const token = tokenFrom(mail!.parsed.text ?? "");
    const [stored] = await testDb.db.select().from(accessTokens).where(eq(accessTokens.personId, ada!.id));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(stored!.tokenHash).not.toContain(token);

    const weak = await setPasswordWithToken({ token, password: "password1234" });
    expect(weak.result).toBe("invalid_password");
    expect(await findUsableToken(token)).not.toBeNull();

    const done = await setPasswordWithToken({ token, password: newPassword, ip: "10.0.0.1" });
    expect(done).toMatchObject({ result: "ok", person: { email: "ada@example.test" } });
    expect((await verifySignIn({ email: "ada@example.test", password: newPassword, ip: "10.0.0.2" })).result).toBe(
      "ok",
    );
    expect(await findSessionActor(oldSession, { idleMinutes: 60, maxHours: 10 })).toBeNull();
    // Used once: a second use is refused, whatever the password.
    expect((await setPasswordWithToken({ token, password: "another-long-phrase-77" })).result).toBe("link_unusable");
    const actions = (await testDb.db.select().from(auditLog)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["password_reset.issued", "password_reset.used"]));
  });

  it("refuses an expired link and an earlier link once a newer one is issued", async () => {
    const [ada] = await testDb.db.select().from(people).where(eq(people.email, "ada@example.test"));
    const first = await issueAccessToken({
      personId: ada!.id,
      purpose: "reset",
      validForMinutes: 60,
      createdById: null,
    });
    const second = await issueAccessToken({
      personId: ada!.id,
      purpose: "reset",
      validForMinutes: 60,
      createdById: null,
    });
    expect(await findUsableToken(first.token)).toBeNull();
    expect(await findUsableToken(second.token)).not.toBeNull();
    await testDb.db
      .update(accessTokens)
      .set({ createdAt: new Date(Date.now() - 2 * 3600_000), expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.id, second.id));
    expect((await setPasswordWithToken({ token: second.token, password: newPassword })).result).toBe("link_unusable");
  });

  it("sends nothing for an unknown or deactivated email", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const before = smtp.deliveries.length;
    expect(await sendPasswordResetMail("nobody@example.test", "10.0.0.3")).toBe(false);
    expect(await sendPasswordResetMail("gone@example.test", "10.0.0.3")).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.deliveries.length).toBe(before);
  });

  it("throttles requests per email, known or not, and per address", async () => {
    for (let i = 0; i < RESET_LIMITS.perEmail; i++) {
      expect(await resetRequestThrottled("nobody@example.test", `10.2.0.${i}`)).toBe(false);
    }
    expect(await resetRequestThrottled("nobody@example.test", "10.2.0.99")).toBe(true);
    for (let i = 0; i < RESET_LIMITS.perIp; i++) {
      expect(await resetRequestThrottled(`p${i}@example.test`, "10.3.0.1")).toBe(false);
    }
    expect(await resetRequestThrottled("fresh@example.test", "10.3.0.1")).toBe(true);
  });

  it("without a known address (no trusted proxy) applies only the per-email limit, never one key for everyone", async () => {
    for (let i = 0; i < RESET_LIMITS.perIp + 2; i++) {
      expect(await resetRequestThrottled(`anon${i}@example.test`, null)).toBe(false);
    }
    for (let i = 0; i < RESET_LIMITS.perEmail; i++) {
      expect(await resetRequestThrottled("anon-same@example.test", null)).toBe(false);
    }
    expect(await resetRequestThrottled("anon-same@example.test", null)).toBe(true);
  });

  it("with password sign-in for admins only, mails no reset link to others and refuses their old links", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const [emp] = await testDb.db
      .insert(people)
      .values([
        { name: "Emp", email: "emp@example.test", passwordHash: "!" },
        { name: "Adm", email: "adm@example.test", passwordHash: "!", appRole: "admin" },
      ])
      .returning({ id: people.id });
    await testDb.db.insert(organizationSettings).values({ id: 1, passwordSignInAdminsOnly: true });
    try {
      // Without SSO configured the setting has no effect, as at sign-in.
      const before = smtp.deliveries.length;
      expect(await sendPasswordResetMail("emp@example.test", "10.5.0.1")).toBe(true);
      await smtp.waitFor(before + 1);
      const oldLink = await issueAccessToken({
        personId: emp!.id,
        purpose: "reset",
        validForMinutes: 60,
        createdById: null,
      });

      vi.stubEnv("OIDC_ISSUER", "https://id.example.test");
      vi.stubEnv("OIDC_CLIENT_ID", "ladder");
      vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
      const sent = smtp.deliveries.length;
      expect(await sendPasswordResetMail("emp@example.test", "10.5.0.1")).toBe(false);
      expect(await sendPasswordResetMail("adm@example.test", "10.5.0.1")).toBe(true);
      await smtp.waitFor(sent + 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.deliveries.slice(sent).map((m) => m.envelopeTo)).toEqual([["adm@example.test"]]);
      const refused = await testDb.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "password_reset.refused_sso_only"));
      expect(refused.map((r) => r.actorId)).toEqual([emp!.id]);

      expect((await setPasswordWithToken({ token: oldLink.token, password: newPassword })).result).toBe("sso_only");
      const [after] = await testDb.db.select().from(people).where(eq(people.id, emp!.id));
      expect(after!.passwordHash).toBe("!");
      // The link is not used up: were password sign-in turned back on, it would still work.
      expect(await findUsableToken(oldLink.token)).not.toBeNull();
    } finally {
      await testDb.db.delete(organizationSettings);
    }
  });
});
