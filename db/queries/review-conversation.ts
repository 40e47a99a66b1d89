import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import type { Reader, Transaction } from "@/db/helpers";
import { managerOf } from "@/db/queries/assessments";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { notify } from "@/db/queries/notifications";
import { assessments, people, reviewAcknowledgements, reviewComments, reviewCycles } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { REVIEW_COMMENT_MAX } from "@/lib/limits";

type Review = { cycleId: number; subjectId: number };
type Person = { id: number; name: string };

const NOT_YOURS = "Only the person reviewed and their manager can read this conversation.";
const CLOSED = "This quarter is closed: its conversation can be read, no longer added to.";

/**
 * The two people of a review's conversation: its subject and their reviewer — the author of the
 * manager's assessment of that cycle when there is one (history keeps who reviewed), else the
 * manager of the subject's current team. Null reviewer: nobody reviews this person.
 */
async function partiesOf(db: Reader, review: Review) {
  const [cycle] = await db
    .select({ id: reviewCycles.id, name: reviewCycles.name, status: reviewCycles.status })
    .from(reviewCycles)
    .where(eq(reviewCycles.id, review.cycleId));
  const [subject] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.id, review.subjectId));
  if (!cycle || !subject) return null;
  const [managerReview] = await db
    .select({
      authorId: people.id,
      authorName: people.name,
      status: assessments.status,
      finalizedAt: assessments.finalizedAt,
    })
    .from(assessments)
    .innerJoin(people, eq(people.id, assessments.authorId))
    .where(
      and(
        eq(assessments.cycleId, review.cycleId),
        eq(assessments.subjectId, review.subjectId),
        eq(assessments.kind, "manager"),
      ),
    );
  const current = managerReview ? null : await managerOf(db, review.subjectId);
  const reviewer: Person | null = managerReview
    ? { id: managerReview.authorId, name: managerReview.authorName }
    : current && { id: current.id, name: current.name };
  const finalizedAt = managerReview?.status === "finalized" ? managerReview.finalizedAt : null;
  return { cycle, subject, reviewer, finalizedAt };
}

/** The parties, when the actor is one of them; anyone else (admins included) is refused. */
async function partiesFor(db: Reader, actor: Actor, review: Review) {
  const parties = await partiesOf(db, review);
  if (!parties || (actor.id !== parties.subject.id && actor.id !== parties.reviewer?.id)) {
    throw new AccessDeniedError(NOT_YOURS);
  }
  return parties;
}

async function threadOf(db: Reader, review: Review) {
  const [comments, [acknowledgement]] = await Promise.all([
    db
      .select({
        id: reviewComments.id,
        authorId: reviewComments.authorId,
        authorName: people.name,
        body: reviewComments.body,
        createdAt: reviewComments.createdAt,
      })
      .from(reviewComments)
      .innerJoin(people, eq(people.id, reviewComments.authorId))
      .where(and(eq(reviewComments.cycleId, review.cycleId), eq(reviewComments.subjectId, review.subjectId)))
      .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id)),
    db
      .select({ at: reviewAcknowledgements.acknowledgedAt })
      .from(reviewAcknowledgements)
      .where(
        and(eq(reviewAcknowledgements.cycleId, review.cycleId), eq(reviewAcknowledgements.subjectId, review.subjectId)),
      ),
  ]);
  return { comments, acknowledgedAt: acknowledgement?.at ?? null };
}

/**
 * One review's conversation, oldest first, for one of its two parties, with what they may do now:
 * comment while the cycle is open (and someone reviews the subject), acknowledge once the review
 * is finalized (the subject only, once).
 */
export async function reviewConversation(actor: Actor, review: Review) {
  const db = await getDb();
  const parties = await partiesFor(db, actor, review);
  const thread = await threadOf(db, review);
  const open = parties.cycle.status === "open";
  const isSubject = actor.id === parties.subject.id;
  return {
    ...parties,
    ...thread,
    /** The other party, as the actor sees them. */
    other: isSubject ? parties.reviewer : parties.subject,
    canComment: open && parties.reviewer !== null,
    canAcknowledge: open && isSubject && parties.finalizedAt !== null && thread.acknowledgedAt === null,
  };
}

function commentBody(body: string, field: string) {
  const text = body.trim();
  if (text.length > REVIEW_COMMENT_MAX)
    throw new ActionError("Some answers need attention.", {
      [field]: [`Keep the comment under ${REVIEW_COMMENT_MAX.toLocaleString("en-GB")} characters.`],
    });
  return text;
}

async function requireOpen(parties: { cycle: { status: string } }) {
  if (parties.cycle.status !== "open") throw new ActionError(CLOSED);
}

async function insertComment(tx: Transaction, actor: Actor, review: Review, body: string) {
  const [row] = await tx
    .insert(reviewComments)
    .values({ cycleId: review.cycleId, subjectId: review.subjectId, authorId: actor.id, body })
    .returning({ id: reviewComments.id, createdAt: reviewComments.createdAt });
  return row!;
}

/** Where the notification takes each party: the subject to their assessment, the reviewer to the review. */
function conversationHref(personId: number, review: Review) {
  return personId === review.subjectId ? "/me#conversation" : `/team/review/${review.subjectId}#conversation`;
}

/** Adds the actor's comment to a review's conversation and tells the other party. */
export async function addReviewComment(actor: Actor, input: Review & { body: string }) {
  const body = commentBody(input.body, "body");
  if (body.length === 0)
    throw new ActionError("Some answers need attention.", { body: ["Write something before you send it."] });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const parties = await partiesFor(tx, actor, input);
    await requireOpen(parties);
    const other = actor.id === parties.subject.id ? parties.reviewer : parties.subject;
    if (!other) throw new ActionError("Nobody reviews you, so there is nobody to talk to about this review.");
    const comment = await insertComment(tx, actor, input, body);
    const whose = actor.id === parties.subject.id ? "their" : "your";
    await notify(tx, [
      {
        personId: other.id,
        kind: "comment",
        cycleId: parties.cycle.id,
        title: `${actor.name} commented on ${whose} ${parties.cycle.name} review`,
        href: conversationHref(other.id, input),
      },
    ]);
    // The audit says that someone wrote, never what: the conversation stays between the two.
    await recordAudit(
      {
        actorId: actor.id,
        action: "review.commented",
        targetType: "person",
        targetId: input.subjectId,
        details: { cycleId: input.cycleId, commentId: comment.id },
      },
      tx,
    );
    return comment;
  });
}

/**
 * "I have read my review": the subject only, on a finalized review in an open cycle, once. An
 * optional comment joins the conversation; the reviewer is told.
 */
export async function acknowledgeReview(actor: Actor, input: { cycleId: number; comment: string }) {
  const comment = commentBody(input.comment, "comment");
  const review = { cycleId: input.cycleId, subjectId: actor.id };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const parties = await partiesFor(tx, actor, review);
    await requireOpen(parties);
    if (!parties.finalizedAt || !parties.reviewer)
      throw new ActionError("Your manager has not finalized your review yet: you can acknowledge it once they have.");
    const [row] = await tx
      .insert(reviewAcknowledgements)
      .values(review)
      .onConflictDoNothing()
      .returning({ at: reviewAcknowledgements.acknowledgedAt });
    if (!row) throw new ConflictError("You have already acknowledged this review.");
    if (comment) await insertComment(tx, actor, review, comment);
    await notify(tx, [
      {
        personId: parties.reviewer.id,
        kind: "acknowledged",
        cycleId: parties.cycle.id,
        title: `${actor.name} has read their ${parties.cycle.name} review${comment ? " and left a comment" : ""}`,
        href: conversationHref(parties.reviewer.id, review),
      },
    ]);
    await recordAudit(
      {
        actorId: actor.id,
        action: "review.acknowledged",
        targetType: "person",
        targetId: actor.id,
        details: { cycleId: input.cycleId, withComment: comment.length > 0 },
      },
      tx,
    );
    return row;
  });
}

/** The actor's own conversations in closed cycles, by cycle id, for their history. */
export async function myClosedConversations(actor: Actor) {
  const db = await getDb();
  const closed = await db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.status, "closed"));
  const ids = closed.map((c) => c.id);
  if (ids.length === 0) return new Map<number, Awaited<ReturnType<typeof threadOf>>>();
  const [comments, acks] = await Promise.all([
    db
      .select({
        id: reviewComments.id,
        cycleId: reviewComments.cycleId,
        authorId: reviewComments.authorId,
        authorName: people.name,
        body: reviewComments.body,
        createdAt: reviewComments.createdAt,
      })
      .from(reviewComments)
      .innerJoin(people, eq(people.id, reviewComments.authorId))
      .where(and(eq(reviewComments.subjectId, actor.id), inArray(reviewComments.cycleId, ids)))
      .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id)),
    db
      .select()
      .from(reviewAcknowledgements)
      .where(and(eq(reviewAcknowledgements.subjectId, actor.id), inArray(reviewAcknowledgements.cycleId, ids))),
  ]);
  const byCycle = new Map<number, Awaited<ReturnType<typeof threadOf>>>();
  for (const c of comments) {
    const thread = byCycle.get(c.cycleId) ?? { comments: [], acknowledgedAt: null };
    thread.comments.push(c);
    byCycle.set(c.cycleId, thread);
  }
  for (const a of acks) {
    const thread = byCycle.get(a.cycleId) ?? { comments: [], acknowledgedAt: null };
    thread.acknowledgedAt = a.acknowledgedAt;
    byCycle.set(a.cycleId, thread);
  }
  return byCycle;
}

/**
 * For an admin: which of a person's reviews have a conversation, and how long — never what it
 * says. Reading one is `readConversationAsAdmin`, which is audited.
 */
export async function conversationsOfPerson(actor: Actor, personId: number) {
  const db = await databaseFor(actor, ["admin"]);
  return db
    .select({ cycleId: reviewCycles.id, cycleName: reviewCycles.name, comments: count(reviewComments.id) })
    .from(reviewComments)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviewComments.cycleId))
    .where(eq(reviewComments.subjectId, personId))
    .groupBy(reviewCycles.id, reviewCycles.name, reviewCycles.startsOn)
    .orderBy(desc(reviewCycles.startsOn));
}

/** An admin reads a review's conversation: the reading is recorded in the audit log first. */
export async function readConversationAsAdmin(actor: Actor, review: Review) {
  const db = await databaseFor(actor, ["admin"]);
  return db.transaction(async (tx) => {
    const parties = await partiesOf(tx, review);
    if (!parties) throw new ActionError("There is no such review.");
    await recordAudit(
      {
        actorId: actor.id,
        action: "review.conversation_read",
        targetType: "person",
        targetId: review.subjectId,
        details: { cycleId: review.cycleId, cycle: parties.cycle.name },
      },
      tx,
    );
    return { ...parties, ...(await threadOf(tx, review)) };
  });
}
