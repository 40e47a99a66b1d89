import { and, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { saveSelfAssessmentDraft, submitSelfAssessment } from "@/db/queries/assessments";
import { myNotifications, setMailPreference } from "@/db/queries/notifications";
import { nudgePlan, sendNudges } from "@/db/queries/nudges";
import { returnForChanges } from "@/db/queries/reviews";
import { assessments, auditLog, notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { runPendingJobs } from "@/lib/jobs/runner";
import { nudgePreview } from "@/lib/notifications/nudge-preview";
import { verifyMailPreferenceLink } from "@/lib/notifications/preference-link";
import { completeValues as complete } from "./helpers/demo";
import { type SeasonWorld, seasonWorld } from "./helpers/season-world";

// Notification mails' one-click links are signed with it.
process.env.AUTH_SECRET ??= "test-secret-for-links-0000000000000";

let world: SeasonWorld;
let testDb: SeasonWorld["testDb"];
let smtp: SeasonWorld["smtp"];
let actors: Record<string, Actor>;
let cycleId: number;
let closedCycleId: number;
const DAY = "2026-11-26";
const NEXT_DAY = "2026-11-27";

const ids = (...keys: string[]) => keys.map((k) => actors[k]!.id).sort((a, b) => a - b);
const sortedIds = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

async function nudgesOn(day: string) {
  const rows = await testDb.db
    .select({ personId: notifications.personId })
    .from(notifications)
    .where(and(eq(notifications.kind, "nudge"), like(notifications.dedupeKey, `nudge:${cycleId}:%:${day}`)));
  return rows.map((r) => r.personId).sort((a, b) => a - b);
}

beforeAll(async () => {
  world = await seasonWorld({
    people: {
      other: ["Olu Othermanager", "manager"],
      e1: ["Employee 1", "employee"],
      e2: ["Employee 2", "employee"],
      e3: ["Employee 3", "employee"],
      e4: ["Employee 4", "employee"],
      o1: ["Outside One", "employee"],
      gone: ["Gone Person", "employee", false],
    },
    teams: [
      { name: "Ops team", manager: "manager", members: ["e1", "e2", "e3", "e4", "gone", "manager"] },
      { name: "Other team", manager: "other", members: ["o1"] },
    ],
    cycles: [
      { name: "2026 Q3", startsOn: "2026-07-01", endsOn: "2026-09-30", status: "closed" },
      { name: "2026 Q4", startsOn: "2026-10-01", endsOn: "2026-12-31", status: "open" },
    ],
  });
  ({ testDb, smtp, actors } = world);
  [closedCycleId, cycleId] = world.cycleIds as [number, number];
  // e1 submitted; e2 submitted and was returned; e3 has a draft; e4 and o1 have nothing.
  const write = { cycleId, assessmentId: null, version: 0, values: complete() };
  await submitSelfAssessment(actors.e1!, write);
  await submitSelfAssessment(actors.e2!, write);
  await saveSelfAssessmentDraft(actors.e3!, write);
  const [e2Self] = await testDb.db.select().from(assessments).where(eq(assessments.subjectId, actors.e2!.id));
  await returnForChanges(actors.manager!, {
    personId: actors.e2!.id,
    expectedSelfVersion: e2Self!.version,
    message: "Add the forecast work.",
  });
  // What happened so far goes to the outbox: these tests look at the nudges' mail only.
  await runPendingJobs();
});
afterAll(() => world.dispose());
afterEach(() => vi.unstubAllEnvs());

describe("nudges: who is reminded", () => {
  it("a manager's list is their own reports without a submitted self-assessment", async () => {
    const plan = await nudgePlan(actors.manager!, cycleId, DAY);
    // Not e1 (submitted), the deactivated person, the manager themselves, or another team's people.
    expect(sortedIds(plan.toRemind)).toEqual(ids("e2", "e3", "e4"));
    expect(Object.fromEntries(plan.toRemind.map((p) => [p.name, p.selfStatus]))).toEqual({
      "Employee 2": "returned",
      "Employee 3": "draft",
      "Employee 4": null,
    });
    expect(plan.remindedToday).toEqual([]);
  });

  it("an admin's list is everyone active in the cycle who has not submitted, but the admin", async () => {
    const plan = await nudgePlan(actors.admin!, cycleId, DAY);
    expect(sortedIds(plan.toRemind)).toEqual(ids("leader", "manager", "other", "e2", "e3", "e4", "o1"));
  });

  it("refuses employees and leaders, and cycles that are not open", async () => {
    await expect(nudgePlan(actors.e1!, cycleId, DAY)).rejects.toThrow(/roles: manager, admin/);
    await expect(sendNudges(actors.leader!, cycleId, DAY)).rejects.toThrow(/roles: manager, admin/);
    await expect(sendNudges(actors.admin!, closedCycleId, DAY)).rejects.toThrow(/2026 Q3 is closed/);
    await expect(sendNudges(actors.manager!, 999_999, DAY)).rejects.toThrow(/does not exist/);
    expect(await nudgesOn(DAY)).toEqual([]);
  });

  it("the preview is the mail as it will be sent, to the first person on the list", async () => {
    const preview = await nudgePreview(actors.manager!, cycleId);
    expect(preview.toRemind.map((p) => p.name)).toEqual(["Employee 2", "Employee 3", "Employee 4"]);
    expect(preview.mail?.to).toBe("Employee 2");
    expect(preview.mail?.subject).toBe(
      "Reminder from Mo Manager: please submit your 2026 Q4 self-assessment by 31 December 2026",
    );
    expect(preview.mail?.text).toMatch(
      /^Hello Employee 2,\n\nYour 2026 Q4 self-assessment is not submitted yet: finish it and submit it by 31 December 2026; anything you have saved is still there\.\n\nOpen your self-assessment:/,
    );
    expect(preview.mail?.text).toContain("Open your self-assessment:");
    const link = preview.mail?.text.match(/mail-preferences\?(\S+)/)?.[1] ?? "";
    expect(verifyMailPreferenceLink(Object.fromEntries(new URLSearchParams(link)))).toEqual({
      personId: actors.e2!.id,
      kind: "nudge",
    });
  });
});

describe("nudges: sending", () => {
  it("a manager's nudge reaches the bell and the mail of each report, respecting the mail preference, audited", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    await setMailPreference(actors.e4!.id, "nudge", false);
    const before = smtp.deliveries.length;
    const result = await sendNudges(actors.manager!, cycleId, DAY);
    expect(sortedIds(result.sent)).toEqual(ids("e2", "e3", "e4"));
    expect(result.skipped).toBe(0);
    expect(await nudgesOn(DAY)).toEqual(ids("e2", "e3", "e4"));
    await runPendingJobs();
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    await new Promise((r) => setTimeout(r, 300));
    // e4 turned nudge mails off: the bell only.
    expect(
      smtp.deliveries
        .slice(before)
        .map((m) => m.envelopeTo[0])
        .sort(),
    ).toEqual([actors.e2!.email, actors.e3!.email]);
    const e3Mail = mails.find((m) => m.envelopeTo[0] === actors.e3!.email)!;
    expect(e3Mail.parsed.subject).toBe(
      "Reminder from Mo Manager: please submit your 2026 Q4 self-assessment by 31 December 2026",
    );
    const link = e3Mail.parsed.text?.match(/mail-preferences\?(\S+)/)?.[1] ?? "";
    expect(verifyMailPreferenceLink(Object.fromEntries(new URLSearchParams(link)))).toEqual({
      personId: actors.e3!.id,
      kind: "nudge",
    });
    const bell = await myNotifications(actors.e4!);
    expect(bell.rows.find((n) => n.kind === "nudge")?.href).toBe("/me");
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "cycle.nudged"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actors.manager!.id, targetId: String(cycleId) });
    expect(audit[0]!.details).toMatchObject({ count: 3, scope: "reports" });
  });

  it("at most once per person per day: a second nudge is refused, the admin's skips those reminded", async () => {
    await expect(sendNudges(actors.manager!, cycleId, DAY)).rejects.toThrow(/already reminded today \(3\)/);
    const plan = await nudgePlan(actors.admin!, cycleId, DAY);
    expect(sortedIds(plan.remindedToday)).toEqual(ids("e2", "e3", "e4"));
    expect(sortedIds(plan.toRemind)).toEqual(ids("leader", "manager", "other", "o1"));
    const result = await sendNudges(actors.admin!, cycleId, DAY);
    expect(sortedIds(result.sent)).toEqual(ids("leader", "manager", "other", "o1"));
    expect(result.skipped).toBe(3);
    expect(await nudgesOn(DAY)).toEqual(ids("leader", "manager", "other", "e2", "e3", "e4", "o1"));
    await expect(sendNudges(actors.admin!, cycleId, DAY)).rejects.toThrow(/already reminded today \(7\)/);
  });

  it("two nudges at once the next day create one reminder per person, and one of them is refused", async () => {
    const outcomes = await Promise.allSettled([
      sendNudges(actors.manager!, cycleId, NEXT_DAY),
      sendNudges(actors.manager!, cycleId, NEXT_DAY),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/already reminded today/);
    expect(await nudgesOn(NEXT_DAY)).toEqual(ids("e2", "e3", "e4"));
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "cycle.nudged"));
    expect(audit).toHaveLength(3);
  });

  it("a report who submits drops off the list", async () => {
    const [e3Self] = await testDb.db.select().from(assessments).where(eq(assessments.subjectId, actors.e3!.id));
    await submitSelfAssessment(actors.e3!, {
      cycleId,
      assessmentId: e3Self!.id,
      version: e3Self!.version,
      values: complete(),
    });
    const plan = await nudgePlan(actors.manager!, cycleId, "2026-11-28");
    expect(sortedIds(plan.toRemind)).toEqual(ids("e2", "e4"));
  });
});
