import bcrypt from "bcryptjs";
import { eq, like, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { claimNextJob, enqueueJob, getJob } from "@/db/jobs";
import { findUsableToken } from "@/db/queries/access-tokens";
import { getPerson, listPeople } from "@/db/queries/admin-people";
import { revokeInvitation } from "@/db/queries/invitations";
import { auditLog, jobs, outboxMails, people } from "@/db/schema";
import { accessLabel, accessStateOf } from "@/lib/access-state";
import { INVITE_INLINE_LIMIT, invitePeople } from "@/lib/invitations";
import { runPendingJobs } from "@/lib/jobs/runner";
import { dateFormattersFor } from "@/lib/locale";
import { setPasswordWithToken } from "@/lib/password-reset";
import { startSmtpServer } from "./helpers/smtp-server";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: { id: number; name: string; email: string; role: "admin" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  smtp = await startSmtpServer();
  const [row] = await testDb.db
    .insert(people)
    .values({ name: "Sam Admin", email: "sam@example.test", passwordHash: bcrypt.hashSync("x", 4), appRole: "admin" })
    .returning();
  admin = { id: row!.id, name: row!.name, email: row!.email, role: "admin" };
});
afterAll(async () => {
  await smtp.close();
  await testDb.dispose();
});
afterEach(() => vi.unstubAllEnvs());

async function addPeople(prefix: string, n: number, extra: Partial<typeof people.$inferInsert> = {}) {
  const rows = await testDb.db
    .insert(people)
    .values(
      Array.from({ length: n }, (_, i) => ({
        name: `${prefix} ${i}`,
        email: `${prefix}.${i}@example.test`,
        passwordHash: "!",
        ...extra,
      })),
    )
    .returning({ id: people.id, email: people.email });
  return rows;
}

function tokenIn(text: string | undefined) {
  return text?.match(/set-password\?token=([A-Za-z0-9_-]+)/)?.[1] ?? "";
}

describe("invitations", () => {
  it("mails a link to people without access, skips the others, and audits each one", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const [ada, bo] = await addPeople("new", 2);
    const [has] = await addPeople("haspw", 1, { passwordHash: bcrypt.hashSync("secret", 4) });
    const [gone] = await addPeople("gone", 1, { active: false });
    const outcome = await invitePeople(admin, [ada!.id, bo!.id, has!.id, gone!.id]);
    expect(outcome).toEqual({ mode: "sent", sent: 2, skipped: 2 });
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual([ada!.email, bo!.email]);
    expect(mails[0]!.parsed.subject).toBe("Sam Admin invited you to Leverage Ladder");
    const issued = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "invitation.issued"));
    expect(issued.map((e) => e.targetId).sort()).toEqual([String(ada!.id), String(bo!.id)].sort());

    const person = await getPerson(admin, ada!.id);
    expect(accessStateOf(person!)).toBe("invited");
    expect(accessLabel(person!, dateFormattersFor("en-GB").shortDate)).toMatch(
      /^Invited on \d{1,2} [A-Z][a-z]{2} \d{4}$/,
    );
  });

  it("a resend replaces the link; the invitation works once and the person becomes active", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const [cy] = await addPeople("cy", 1);
    const before = smtp.deliveries.length;
    await invitePeople(admin, [cy!.id]);
    await invitePeople(admin, [cy!.id]);
    const mails = await smtp.waitFor(before + 2);
    const first = tokenIn(mails[before]!.parsed.text);
    const second = tokenIn(mails[before + 1]!.parsed.text);
    expect(await findUsableToken(first)).toBeNull();
    expect((await findUsableToken(second))?.purpose).toBe("invite");
    const done = await setPasswordWithToken({ token: second, password: "velvet-harbour-quietly-92" });
    expect(done.result).toBe("ok");
    const person = await getPerson(admin, cy!.id);
    expect(accessStateOf(person!)).toBe("never_signed_in");
    // Now they have a password: no more invitations.
    expect(await invitePeople(admin, [cy!.id])).toEqual({ mode: "sent", sent: 0, skipped: 1 });
    const used = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "invitation.used"));
    expect(used.map((e) => e.targetId)).toContain(String(cy!.id));
  });

  it("a revoked invitation's link stops working, and the revocation is audited", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const [di] = await addPeople("di", 1);
    const before = smtp.deliveries.length;
    await invitePeople(admin, [di!.id]);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(await revokeInvitation(admin, di!.id)).toBe(true);
    expect(await revokeInvitation(admin, di!.id)).toBe(false);
    expect(await findUsableToken(tokenIn(mail!.parsed.text))).toBeNull();
    const person = await getPerson(admin, di!.id);
    expect(accessStateOf(person!)).toBe("no_access");
    const revoked = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "invitation.revoked"));
    expect(revoked).toHaveLength(1);
    await expect(revokeInvitation({ ...admin, role: "manager" } as never, di!.id)).rejects.toThrow(/roles: admin/);
  });

  it("many invitations go out in the background, with progress, into the outbox without SMTP", async () => {
    vi.stubEnv("SMTP_URL", undefined);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const many = await addPeople("bulk", INVITE_INLINE_LIMIT + 5);
    const outcome = await invitePeople(
      admin,
      many.map((p) => p.id),
    );
    expect(outcome).toMatchObject({ mode: "queued", queued: INVITE_INLINE_LIMIT + 5, skipped: 0 });
    if (outcome.mode !== "queued") throw new Error("expected a job");
    expect(await getJob(admin, outcome.jobId)).toMatchObject({ status: "queued", progressDone: 0 });
    expect(await runPendingJobs()).toBe(1);
    const job = await getJob(admin, outcome.jobId);
    expect(job).toMatchObject({
      status: "done",
      progressDone: INVITE_INLINE_LIMIT + 5,
      progressTotal: INVITE_INLINE_LIMIT + 5,
    });
    const outbox = await testDb.db.select().from(outboxMails).where(like(outboxMails.to, "bulk.%"));
    expect(outbox).toHaveLength(INVITE_INLINE_LIMIT + 5);
    const page = await listPeople(admin, { page: 1, pageSize: 100, q: "bulk" });
    expect(page.rows.every((r) => accessStateOf(r) === "invited")).toBe(true);
    vi.restoreAllMocks();
  });
});

describe("the job queue", () => {
  it("never hands one job to two workers, and takes back a job whose worker stopped", async () => {
    await testDb.db.delete(jobs);
    const a = await enqueueJob({ kind: "test.noop", payload: {} });
    const b = await enqueueJob({ kind: "test.noop", payload: {} });
    const claims = await Promise.all([claimNextJob(), claimNextJob(), claimNextJob()]);
    const ids = claims.map((c) => c?.id ?? null);
    expect(ids.filter((id) => id !== null).sort()).toEqual([a.id, b.id].sort());
    expect(ids.filter((id) => id === null)).toHaveLength(1);
    expect(await claimNextJob()).toBeNull();
    await testDb.db
      .update(jobs)
      .set({ lockedAt: sql`now() - interval '10 minutes'`, progressDone: 7 })
      .where(eq(jobs.id, a.id));
    const again = await claimNextJob();
    expect(again).toMatchObject({ id: a.id, attempts: 2, progressDone: 7 });
  });

  it("retries a failing job later and fails it for good after the last attempt", async () => {
    await testDb.db.delete(jobs);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const job = await enqueueJob({ kind: "test.unknown-kind", payload: {} });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await testDb.db.update(jobs).set({ runAfter: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
      expect(await runPendingJobs()).toBe(1);
    }
    expect(await getJob(admin, job.id)).toMatchObject({ status: "failed", attempts: 3 });
    expect((await getJob(admin, job.id))?.error).toMatch(/No handler/);
    vi.restoreAllMocks();
  });
});
