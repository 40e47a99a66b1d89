import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setMailPreference } from "@/db/queries/notifications";
import {
  acknowledgeReview,
  addReviewComment,
  conversationsOfPerson,
  myClosedConversations,
  readConversationAsAdmin,
  reviewConversation,
} from "@/db/queries/review-conversation";
import { reviewBoard, saveManagerReview } from "@/db/queries/reviews";
import { auditLog, notifications, reviewAcknowledgements, reviewComments, reviewCycles } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { runPendingJobs } from "@/lib/jobs/runner";
import { REVIEW_COMMENT_MAX } from "@/lib/limits";
import { completeValues as complete } from "./helpers/demo";
import { type SeasonWorld, seasonWorld } from "./helpers/season-world";

let world: SeasonWorld;
let testDb: SeasonWorld["testDb"];
let smtp: SeasonWorld["smtp"];
let a: Record<string, Actor>;
let cycleId: number;

beforeAll(async () => {
  world = await seasonWorld({
    people: {
      otherManager: ["Olga Other", "manager"],
      e1: ["Eve One", "employee"],
      e2: ["Ed Two", "employee"],
      e3: ["Eli Three", "employee"],
    },
    teams: [
      { name: "Ops team", manager: "manager", members: ["e1", "e2"] },
      { name: "Other team", manager: "otherManager", members: ["e3"] },
    ],
    cycles: [{ name: "2026 Q4", startsOn: "2026-10-01", endsOn: "2026-12-31", status: "open" }],
  });
  ({ testDb, smtp, actors: a } = world);
  cycleId = world.cycleIds[0]!;
});
afterAll(() => world.dispose());
afterEach(() => vi.unstubAllEnvs());

const thread = (subject: string) => ({ cycleId, subjectId: a[subject]!.id });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: Error) => error,
  );

describe("the conversation on a review", () => {
  it("is read by the employee and their manager only: other employees, other managers, leaders and admins are refused", async () => {
    await addReviewComment(a.e1!, { ...thread("e1"), body: "Could we talk about the release work?" });
    for (const reader of ["e1", "manager"]) {
      const seen = await reviewConversation(a[reader]!, thread("e1"));
      expect(seen.comments.map((c) => c.body)).toEqual(["Could we talk about the release work?"]);
    }
    for (const outsider of ["e2", "e3", "otherManager", "leader", "admin"]) {
      expect(await refusal(reviewConversation(a[outsider]!, thread("e1"))), outsider).toBeInstanceOf(AccessDeniedError);
      expect(
        await refusal(addReviewComment(a[outsider]!, { ...thread("e1"), body: "Let me in." })),
        outsider,
      ).toBeInstanceOf(AccessDeniedError);
    }
    // The other manager's own report is theirs, not Mo's.
    expect(await refusal(reviewConversation(a.manager!, thread("e3")))).toBeInstanceOf(AccessDeniedError);
    const [n] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewComments)
      .where(eq(reviewComments.body, "Let me in."));
    expect(n!.n).toBe(0);
  });

  it("keeps the comments in the order written, each with its author, and tells the other party", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_SECRET", "test-secret-for-links-0000000000000");
    await addReviewComment(a.manager!, { ...thread("e1"), body: "Yes — Thursday?\nBring the numbers." });
    await addReviewComment(a.e1!, { ...thread("e1"), body: "  Thursday works.  " });
    const seen = await reviewConversation(a.e1!, thread("e1"));
    expect(seen.comments.map((c) => [c.authorName, c.body])).toEqual([
      ["Eve One", "Could we talk about the release work?"],
      ["Mo Manager", "Yes — Thursday?\nBring the numbers."],
      ["Eve One", "Thursday works."],
    ]);
    expect(seen.other).toEqual({ id: a.manager!.id, name: "Mo Manager" });
    expect(seen.canComment).toBe(true);

    const bell = await testDb.db.select().from(notifications).where(eq(notifications.kind, "comment"));
    expect(bell.map((n) => [n.personId, n.title, n.href])).toEqual([
      [a.manager!.id, "Eve One commented on their 2026 Q4 review", `/team/review/${a.e1!.id}#conversation`],
      [a.e1!.id, "Mo Manager commented on your 2026 Q4 review", "/me#conversation"],
      [a.manager!.id, "Eve One commented on their 2026 Q4 review", `/team/review/${a.e1!.id}#conversation`],
    ]);
    await runPendingJobs();
    const mails = await smtp.waitFor(3);
    const toEve = mails.find((m) => m.envelopeTo[0] === a.e1!.email)!;
    expect(toEve.parsed.subject).toBe("Mo Manager commented on your 2026 Q4 review");
    expect(toEve.parsed.text).toContain("Read and reply");
    expect(toEve.parsed.text).toContain("/me#conversation");
    // The comment itself stays in the app.
    expect(toEve.parsed.text).not.toContain("Bring the numbers");
    expect(toEve.parsed.text).toContain("mail-preferences?");
    expect(toEve.parsed.text).not.toContain(toEve.parsed.subject);
  });

  it("mails a comment only to those who keep that kind of mail on; the bell tells them anyway", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_SECRET", "test-secret-for-links-0000000000000");
    await setMailPreference(a.e1!.id, "comment", false);
    const before = smtp.deliveries.length;
    await addReviewComment(a.manager!, { ...thread("e1"), body: "Booked the room." });
    await addReviewComment(a.e1!, { ...thread("e1"), body: "Great." });
    await runPendingJobs();
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.deliveries.slice(before).map((d) => d.envelopeTo[0])).toEqual([a.manager!.email]);
    const [eveBell] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.personId, a.e1!.id), eq(notifications.kind, "comment")));
    expect(eveBell!.n).toBe(2);
  });

  it("refuses an empty comment and one over the limit, and takes one exactly at it", async () => {
    for (const body of ["", "   \n "]) {
      const error = await refusal(addReviewComment(a.e2!, { ...thread("e2"), body }));
      expect(error).toBeInstanceOf(ActionError);
      expect((error as ActionError).fieldErrors?.body?.[0]).toBe("Write something before you send it.");
    }
    const tooLong = await refusal(
      addReviewComment(a.e2!, { ...thread("e2"), body: "x".repeat(REVIEW_COMMENT_MAX + 1) }),
    );
    expect((tooLong as ActionError).fieldErrors?.body?.[0]).toMatch(/under 2,000 characters/);
    await addReviewComment(a.e2!, { ...thread("e2"), body: "y".repeat(REVIEW_COMMENT_MAX) });
    const seen = await reviewConversation(a.manager!, thread("e2"));
    expect(seen.comments.map((c) => c.body.length)).toEqual([REVIEW_COMMENT_MAX]);
  });
});

describe("acknowledging the finalized review", () => {
  it("is refused before the manager finalizes", async () => {
    const error = await refusal(acknowledgeReview(a.e1!, { cycleId, comment: "" }));
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(/has not finalized your review yet/);
    expect((await reviewConversation(a.e1!, thread("e1"))).canAcknowledge).toBe(false);
  });

  it("is the subject's alone, once, with an optional comment that joins the thread; the manager is told and the board shows it", async () => {
    await saveManagerReview(
      a.manager!,
      { personId: a.e1!.id, version: 0, values: complete(), calibrationReason: "" },
      "finalize",
    );
    expect((await reviewConversation(a.e1!, thread("e1"))).canAcknowledge).toBe(true);
    // The "finalized" notification takes the employee to where they acknowledge it.
    const [finalized] = await testDb.db.select().from(notifications).where(eq(notifications.kind, "finalized"));
    expect(finalized).toMatchObject({ personId: a.e1!.id, href: "/me#conversation" });
    // The manager reads it but has no review of their own to acknowledge here.
    expect((await reviewConversation(a.manager!, thread("e1"))).canAcknowledge).toBe(false);
    expect(await refusal(acknowledgeReview(a.manager!, { cycleId, comment: "" }))).toBeInstanceOf(ActionError);
    // Ed's review is not finalized.
    expect(await refusal(acknowledgeReview(a.e2!, { cycleId, comment: "" }))).toBeInstanceOf(ActionError);

    await acknowledgeReview(a.e1!, { cycleId, comment: "Thanks — fair review." });
    const seen = await reviewConversation(a.e1!, thread("e1"));
    expect(seen.acknowledgedAt).toBeInstanceOf(Date);
    expect(seen.canAcknowledge).toBe(false);
    expect(seen.comments.at(-1)).toMatchObject({ authorName: "Eve One", body: "Thanks — fair review." });

    const again = await refusal(acknowledgeReview(a.e1!, { cycleId, comment: "Twice?" }));
    expect(again).toBeInstanceOf(ConflictError);
    expect((await reviewConversation(a.e1!, thread("e1"))).comments.map((c) => c.body)).not.toContain("Twice?");

    const told = await testDb.db.select().from(notifications).where(eq(notifications.kind, "acknowledged"));
    expect(told.map((n) => [n.personId, n.title])).toEqual([
      [a.manager!.id, "Eve One has read their 2026 Q4 review and left a comment"],
    ]);
    const board = await reviewBoard(a.manager!);
    const byName = Object.fromEntries(board.rows.map((r) => [r.name, r.acknowledgedAt]));
    expect(byName["Eve One"]).toBeInstanceOf(Date);
    expect(byName["Ed Two"]).toBeNull();
  });
});

describe("a closed cycle's conversation", () => {
  it("stays readable by both, is refused new comments and acknowledgements, and the database refuses them too", async () => {
    // An earlier quarter, open while its conversation is written, then closed.
    const [q3] = await testDb.db
      .insert(reviewCycles)
      .values({ name: "2026 Q3", startsOn: "2026-07-01", endsOn: "2026-09-30", status: "open" })
      .returning();
    const closedCycleId = q3!.id;
    await addReviewComment(a.e3!, { cycleId: closedCycleId, subjectId: a.e3!.id, body: "Q3 went well." });
    await addReviewComment(a.otherManager!, {
      cycleId: closedCycleId,
      subjectId: a.e3!.id,
      body: "Agreed.",
    });
    await testDb.db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, closedCycleId));
    const review = { cycleId: closedCycleId, subjectId: a.e3!.id };
    const seen = await reviewConversation(a.otherManager!, review);
    expect(seen.comments.map((c) => c.body)).toEqual(["Q3 went well.", "Agreed."]);
    expect(seen.canComment).toBe(false);
    const late = await refusal(addReviewComment(a.e3!, { ...review, body: "One more thing." }));
    expect((late as Error).message).toBe("This quarter is closed: its conversation can be read, no longer added to.");
    expect(await refusal(acknowledgeReview(a.e3!, { cycleId: closedCycleId, comment: "" }))).toBeInstanceOf(
      ActionError,
    );
    await expect(
      testDb.db.insert(reviewComments).values({ ...review, authorId: a.e3!.id, body: "Straight to SQL." }),
    ).rejects.toThrow();
    await expect(testDb.db.insert(reviewAcknowledgements).values(review)).rejects.toThrow();
    await expect(testDb.db.delete(reviewComments).where(eq(reviewComments.cycleId, closedCycleId))).rejects.toThrow();

    const history = await myClosedConversations(a.e3!);
    expect([...history.keys()]).toEqual([closedCycleId]);
    expect(history.get(closedCycleId)!.comments.map((c) => c.authorName)).toEqual(["Eli Three", "Olga Other"]);
    // Nobody else's history holds it.
    expect((await myClosedConversations(a.e1!)).size).toBe(0);
  });
});

describe("an admin reading a conversation", () => {
  it("sees only how many comments there are until they read one, and each reading is in the audit log", async () => {
    expect(await refusal(conversationsOfPerson(a.manager!, a.e1!.id))).toBeInstanceOf(AccessDeniedError);
    expect(await refusal(readConversationAsAdmin(a.leader!, thread("e1")))).toBeInstanceOf(AccessDeniedError);
    const listed = await conversationsOfPerson(a.admin!, a.e1!.id);
    expect(listed).toEqual([{ cycleId, cycleName: "2026 Q4", comments: 6 }]);
    expect(JSON.stringify(listed)).not.toContain("Thursday");

    const auditBefore = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "review.conversation_read"));
    expect(auditBefore).toHaveLength(0);
    const read = await readConversationAsAdmin(a.admin!, thread("e1"));
    expect(read.comments.map((c) => c.body)).toContain("Thursday works.");
    expect(read.acknowledgedAt).toBeInstanceOf(Date);
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "review.conversation_read"));
    expect(audit.map((e) => [e.actorId, e.targetId, e.details])).toEqual([
      [a.admin!.id, String(a.e1!.id), { cycleId, cycle: "2026 Q4" }],
    ]);
  });
});
