import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listOutboxMails } from "@/db/queries/outbox";
import { outboxMails } from "@/db/schema";
import { sendMail } from "@/lib/mail";
import { startSmtpServer } from "./helpers/smtp-server";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const admin = { id: 1, name: "Ad Min", email: "admin@example.test", role: "admin" as const };
const expiresAt = new Date("2030-01-15T10:00:00Z");
const url = "http://localhost:3000/set-password?token=abc_DEF-123";

beforeAll(async () => {
  testDb = await createTestDatabase();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await testDb.dispose();
});
afterEach(() => vi.unstubAllEnvs());

describe("sendMail through SMTP", () => {
  it("delivers a text and an HTML body from MAIL_FROM, naming the product and the organisation", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "Leverage Ladder <ladder@acme.test>");
    vi.stubEnv("ORGANIZATION_NAME", "Acme & Sons");
    const delivery = await sendMail({ email: "ada@acme.test", name: "Ada Lovelace" }, "invitation", {
      name: "Ada",
      invitedBy: "Sam <Admin>",
      url,
      expiresAt,
    });
    expect(delivery.via).toBe("smtp");
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(["ada@acme.test"]);
    expect(mail!.envelopeFrom).toBe("ladder@acme.test");
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe("Sam <Admin> invited you to Leverage Ladder");
    expect(parsed.from?.text).toBe('"Leverage Ladder" <ladder@acme.test>');
    expect(parsed.text).toContain(url);
    expect(parsed.text).toContain("Acme & Sons");
    expect(parsed.text).toContain("15 Jan 2030, 10:00 UTC");
    expect(parsed.html).toContain(`href="${url}"`);
    // Names are escaped in the HTML, and nothing is fetched from elsewhere.
    expect(parsed.html).toContain("Acme &amp; Sons");
    expect(parsed.html).toContain("Sam &lt;Admin&gt;");
    expect(parsed.html).not.toMatch(/<img|src=|url\(/i);
    const outbox = await testDb.db.select().from(outboxMails);
    expect(outbox).toHaveLength(0);
  });

  it("throws when the SMTP server refuses the credentials", async () => {
    vi.stubEnv("SMTP_URL", `smtp://mailer:wrong@127.0.0.1:${smtp.port}`);
    await expect(sendMail({ email: "bo@acme.test" }, "passwordReset", { name: "Bo", url, expiresAt })).rejects.toThrow(
      /Invalid/,
    );
  });
});

describe("sendMail without SMTP_URL", () => {
  it("keeps the mail in the outbox, which only admins can read", async () => {
    vi.stubEnv("SMTP_URL", undefined);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const delivery = await sendMail({ email: "cy@acme.test" }, "passwordReset", { name: "Cy", url, expiresAt });
    expect(delivery.via).toBe("outbox");
    expect(log.mock.calls.some(([line]) => String(line).includes(url))).toBe(true);
    log.mockRestore();
    const page = await listOutboxMails(admin);
    expect(page.rows.map((r) => [r.to, r.template])).toEqual([["cy@acme.test", "passwordReset"]]);
    const [row] = await testDb.db.select().from(outboxMails);
    expect(row!.text).toContain(url);
    expect(row!.html).toContain(`href="${url}"`);
    await expect(listOutboxMails({ ...admin, role: "leader" })).rejects.toThrow(/roles: admin/);
  });
});
