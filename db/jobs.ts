import "server-only";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { jobs } from "@/db/schema";
import { type Actor, assertRole } from "@/lib/authz";

/**
 * A small job queue in the database, for work too long for one request (bulk invitations) and
 * for later mail (reminders). It works on PGlite and on PostgreSQL alike and across server
 * instances: a worker claims the oldest due job with FOR UPDATE SKIP LOCKED, so two workers never
 * take the same one; a job whose worker died (running, not touched for STALE_AFTER_SECONDS) is
 * claimed again and resumes from its saved progress. Handlers must tolerate a retry of the step
 * they were on.
 */

export type Job = typeof jobs.$inferSelect;
const STALE_AFTER_SECONDS = 120;
const MAX_ATTEMPTS = 3;

export async function enqueueJob(input: {
  kind: string;
  payload: Record<string, unknown>;
  total?: number;
  createdById?: number | null;
}) {
  const db = await getDb();
  const [job] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload,
      progressTotal: input.total ?? 0,
      createdById: input.createdById ?? null,
    })
    .returning();
  return job!;
}

/** Takes the oldest due job (or a stale running one) for this worker, or null when there is none. */
export async function claimNextJob(): Promise<Job | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.status, "queued"), lt(jobs.runAfter, sql`now()`)),
          and(
            eq(jobs.status, "running"),
            lt(jobs.lockedAt, sql`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`),
          ),
        ),
      )
      .orderBy(jobs.runAfter, jobs.id)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const [claimed] = await tx
      .update(jobs)
      .set({ status: "running", lockedAt: sql`now()`, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, next.id))
      .returning();
    return claimed ?? null;
  });
}

/** Saves progress and tells the queue the worker is alive. */
export async function saveJobProgress(jobId: number, done: number) {
  const db = await getDb();
  await db.update(jobs).set({ progressDone: done, lockedAt: sql`now()` }).where(eq(jobs.id, jobId));
}

export async function finishJob(jobId: number) {
  const db = await getDb();
  await db.update(jobs).set({ status: "done", finishedAt: sql`now()`, lockedAt: null }).where(eq(jobs.id, jobId));
}

/** A failed attempt: retried a little later, or failed for good after MAX_ATTEMPTS. */
export async function failJob(job: Job, error: unknown) {
  const db = await getDb();
  const finalAttempt = job.attempts >= MAX_ATTEMPTS;
  await db
    .update(jobs)
    .set({
      status: finalAttempt ? "failed" : "queued",
      error: error instanceof Error ? error.message : String(error),
      lockedAt: null,
      runAfter: sql`now() + make_interval(secs => ${30 * job.attempts})`,
      finishedAt: finalAttempt ? sql`now()` : null,
    })
    .where(eq(jobs.id, job.id));
}

export const JOB_WORKER_KEY = "leverageJobWorker";

/** Wakes this process's job worker (lib/jobs/runner.ts), if it runs, instead of waiting for its next poll. */
export function kickJobWorker() {
  (globalThis as unknown as Record<string, { kick(): void } | undefined>)[JOB_WORKER_KEY]?.kick();
}

/** A job and its progress, for the admin who watches it. */
export async function getJob(actor: Actor, jobId: number) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  return job ?? null;
}
