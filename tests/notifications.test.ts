import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openDraftCycle } from "@/db/queries/admin";
import { mySelfAssessmentInOpenCycle, submitSelfAssessment } from "@/db/queries/assessments";
import { mailPreferencesOf, myNotifications, setMailPreference } from "@/db/queries/notifications";
import { returnForChanges } from "@/db/queries/reviews";
import { assessments, jobs, notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { runPendingJobs, runSchedules } from "@/lib/jobs/runner";
import { verifyMailPreferenceLink } from "@/lib/notifications/preference-link";
import { completeValues as complete } from "./helpers/demo";
import { type SeasonWorld, seasonWorld } from "./helpers/season-world";

let world: SeasonWorld;
let testDb: SeasonWorld["testDb"];
let smtp: SeasonWorld["smtp"];
let actors: Record<string, Actor>;
let cycleId: number;

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** The cycle's end as people read it, e.g. "31 December 2026"; never the column's "2026-12-31". */
const endsOnWritten = () =>
  new Date(`${isoDay(2)}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
/** The mail's paragraphs, as its plain-text part separates them. */
const paragraphs = (text: string | undefined) => (text ?? "").split("\n\n");

beforeAll(async () => {
  world = await seasonWorld({
    people: {
      e1: ["Employee 1", "employee"],
      e2: ["Employee 2", "employee"],
      e3: ["Employee 3", "employee"],
      e4: ["Employee 4", "employee"],
      gone: ["Gone Person", "employee", false],
    },
    teams: [{ name: "Ops team", manager: "manager", members: ["e1", "e2", "e3", "e4", "gone"] }],
    // Ends in two days: inside the default three-day reminder window.
    cycles: [{ name: "2026 Q4", startsOn: isoDay(-80), endsOn: isoDay(2) }],
  });
  ({ testDb, smtp, actors } = world);
  cycleId = world.cycleIds[0]!;
});
afterAll(() => world.dispose());
afterEach(() => vi.unstubAllEnvs());

/** A worker loop as each app instance runs it: schedules, then due jobs, a few turns. */
async function workerLoop(turns = 4) {
  for (let i = 0; i < turns; i++) {
    await runSchedules();
    await runPendingJobs();
  }
}

const mailsTo = (email: string, subject: RegExp) =>
  smtp.deliveries.filter((d) => d.envelopeTo.includes(email) && subject.test(d.parsed.subject ?? ""));

describe("notifications", () => {
  it("opening a cycle tells every active person, in the bell and by mail, with a working preference link", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_SECRET", "test-secret-for-links-0000000000000");
    await openDraftCycle(actors.admin!, cycleId);
    await runPendingJobs();
    const everyone = ["admin", "leader", "manager", "e1", "e2", "e3", "e4"];
    const mails = await smtp.waitFor(everyone.length);
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(everyone.map((k) => actors[k]!.email).sort());
    expect(mailsTo(actors.gone!.email, /./)).toHaveLength(0);
    const mail = mails.find((m) => m.envelopeTo[0] === actors.e1!.email)!;
    expect(mail.parsed.subject).toBe(`2026 Q4 is open: describe your quarter by ${endsOnWritten()}`);
    // Greeting, one sentence of what to do, the button, the preference note; the subject is not repeated.
    const [greeting, sentence, button] = paragraphs(mail.parsed.text);
    expect(greeting).toBe("Hello Employee 1,");
    expect(sentence).toBe(
      `Rate where your work sat on the leverage ladder this quarter and submit your 2026 Q4 self-assessment by ${endsOnWritten()}.`,
    );
    expect(button).toMatch(/^Start your self-assessment:\n\S+\/me$/);
    expect(mail.parsed.text).not.toContain(mail.parsed.subject);
    expect(mail.parsed.html).toContain("Start your self-assessment");
    // In HTML the way to stop this kind of mail is a link, not an address to copy.
    expect(mail.parsed.html).toMatch(/<a href="[^"]*\/mail-preferences\?[^"]*"[^>]*>Turn it off with one click<\/a>/);
    const link = mail.parsed.text?.match(/mail-preferences\?(\S+)/)?.[1] ?? "";
    const params = Object.fromEntries(new URLSearchParams(link));
    expect(verifyMailPreferenceLink(params)).toEqual({ personId: actors.e1!.id, kind: "cycle_opened" });
    expect(verifyMailPreferenceLink({ ...params, p: String(actors.e2!.id) })).toBeNull();
    const bell = await myNotifications(actors.leader!);
    expect(bell.unread).toBe(1);
    expect(bell.rows[0]!.href).toBe("/me");
    expect(bell.rows[0]!.title).toBe(`2026 Q4 is open: describe your quarter by ${endsOnWritten()}`);
  });

  it("a leader at the top self-assesses without a manager; their submission tells nobody", async () => {
    const mine = await mySelfAssessmentInOpenCycle(actors.leader!);
    expect(mine?.manager).toBeNull();
    expect(mine?.editable).toBe(true);
    await submitSelfAssessment(actors.leader!, { cycleId, assessmentId: null, version: 0, values: complete() });
    const [row] = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, actors.leader!.id), eq(assessments.kind, "self")));
    expect(row).toMatchObject({ status: "submitted", teamId: null });
    const submitted = await testDb.db.select().from(notifications).where(eq(notifications.kind, "self_submitted"));
    expect(submitted).toHaveLength(0);
  });

  it("a submission tells the manager; a return tells the employee", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_SECRET", "test-secret-for-links-0000000000000");
    await submitSelfAssessment(actors.e1!, { cycleId, assessmentId: null, version: 0, values: complete() });
    await submitSelfAssessment(actors.e2!, { cycleId, assessmentId: null, version: 0, values: complete() });
    const managerBell = await myNotifications(actors.manager!);
    expect(managerBell.rows.filter((n) => n.kind === "self_submitted").map((n) => n.title)).toEqual(
      expect.arrayContaining([
        "Employee 1 submitted their self-assessment",
        "Employee 2 submitted their self-assessment",
      ]),
    );
    const [e2Self] = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, actors.e2!.id), eq(assessments.kind, "self")));
    await returnForChanges(actors.manager!, {
      personId: actors.e2!.id,
      expectedSelfVersion: e2Self!.version,
      message: "Add the forecast work.",
    });
    const before = smtp.deliveries.length;
    await runPendingJobs();
    // Mo gets two "submitted" mails, Employee 2 the return.
    const mails = (await smtp.waitFor(before + 3)).slice(before);
    expect(mails.map((m) => [m.envelopeTo[0], m.parsed.subject]).sort()).toEqual(
      [
        [actors.e2!.email, "Mo Manager returned your 2026 Q4 self-assessment for changes"],
        [actors.manager!.email, "Employee 1 submitted their self-assessment"],
        [actors.manager!.email, "Employee 2 submitted their self-assessment"],
      ].sort(),
    );
  });

  it("two workers send the deadline reminder to exactly those who have not submitted, once each", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_SECRET", "test-secret-for-links-0000000000000");
    // e4 turned deadline mails off: the bell still tells them, no mail goes.
    await setMailPreference(actors.e4!.id, "deadline_near", false);
    expect((await mailPreferencesOf(actors.e4!.id)).deadline_near).toBe(false);
    const before = smtp.deliveries.length;
    await Promise.all([workerLoop(), workerLoop()]);
    // Not submitted: admin, manager, e2 (returned), e3, e4. Submitted: leader, e1. Deactivated: gone.
    const expected = ["admin", "manager", "e2", "e3", "e4"].map((k) => actors[k]!.id).sort((a, b) => a - b);
    const reminders = await testDb.db
      .select({ personId: notifications.personId })
      .from(notifications)
      .where(eq(notifications.kind, "deadline_near"));
    expect(reminders.map((r) => r.personId).sort((a, b) => a - b)).toEqual(expected);
    const mailed = ["admin", "manager", "e2", "e3"];
    await smtp.waitFor(before + mailed.length);
    await new Promise((r) => setTimeout(r, 300));
    const deadlineMails = smtp.deliveries.slice(before).filter((d) => /closes on/.test(d.parsed.subject ?? ""));
    expect(deadlineMails.map((d) => d.envelopeTo[0]).sort()).toEqual(mailed.map((k) => actors[k]!.email).sort());
    const toE3 = deadlineMails.find((d) => d.envelopeTo[0] === actors.e3!.email)!;
    expect(toE3.parsed.subject).toBe(`2026 Q4 closes on ${endsOnWritten()}: your self-assessment is not submitted yet`);
    expect(paragraphs(toE3.parsed.text)[1]).toBe(
      `Submit your 2026 Q4 self-assessment by ${endsOnWritten()} so your manager can review it; anything you have saved is still there.`,
    );
    // Later turns on both instances add nothing.
    await Promise.all([workerLoop(2), workerLoop(2)]);
    const again = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(eq(notifications.kind, "deadline_near"));
    expect(again[0]!.n).toBe(expected.length);
    const [pending] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.status} <> 'done'`);
    expect(pending!.n).toBe(0);
    expect(smtp.deliveries.slice(before).filter((d) => /closes on/.test(d.parsed.subject ?? ""))).toHaveLength(
      mailed.length,
    );
  });
});
