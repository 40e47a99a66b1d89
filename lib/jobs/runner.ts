import "server-only";
import { claimNextJob, failJob, finishJob, JOB_WORKER_KEY, saveJobProgress } from "@/db/jobs";
import { scheduleDeadlineReminders } from "@/db/queries/notifications";
import { serverEnv } from "@/lib/env";
import { JOB_HANDLERS } from "./handlers";

/**
 * Work that falls due with time rather than with a request: today, deadline reminders. Every
 * instance may run it on every tick; the notifications' dedupe keys let one insert win.
 */
export async function runSchedules(now = new Date()) {
  return scheduleDeadlineReminders(serverEnv().DEADLINE_REMINDER_DAYS, now.toISOString().slice(0, 10));
}

const SCHEDULE_EVERY_MS = 60_000;
let lastScheduledAt = 0;

/** One turn of the worker: the schedules (at most once a minute), then due jobs. */
async function runWorkerTick() {
  if (Date.now() - lastScheduledAt >= SCHEDULE_EVERY_MS) {
    await runSchedules();
    lastScheduledAt = Date.now();
  }
  await runPendingJobs();
}

/** Runs due jobs one after another until none is left; returns how many ran. */
export async function runPendingJobs(options: { maxJobs?: number } = {}) {
  let ran = 0;
  while (ran < (options.maxJobs ?? 50)) {
    const job = await claimNextJob();
    if (!job) break;
    ran++;
    const handler = JOB_HANDLERS[job.kind as keyof typeof JOB_HANDLERS];
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler({ job, progress: (done) => saveJobProgress(job.id, done) });
      await finishJob(job.id);
    } catch (error) {
      console.error(`Job ${job.id} (${job.kind}) failed on attempt ${job.attempts}`, error);
      await failJob(job, error);
    }
  }
  return ran;
}

const globalForJobs = globalThis as unknown as Record<typeof JOB_WORKER_KEY, { kick(): void } | undefined>;

/**
 * Polls the queue every few seconds in this server process; `kickJobWorker()` wakes it at once
 * after a job is enqueued (through globalThis, so any module graph of the process can). Several instances may each run one: claims never overlap.
 */
export function startJobWorker(intervalMs = 3000) {
  if (globalForJobs[JOB_WORKER_KEY]) return;
  // After a failed turn (the database away, say) the worker waits 2, 4, 8… polls, up to 32.
  let skip = 0;
  let failures = 0;
  const worker = {
    running: false,
    kick() {
      if (worker.running) return;
      if (skip > 0) {
        skip--;
        return;
      }
      worker.running = true;
      runWorkerTick()
        .then(() => {
          failures = 0;
        })
        .catch((error: unknown) => {
          failures++;
          skip = Math.min(32, 2 ** failures);
          console.error(`Job worker failed; next try in ${skip} polls`, error);
        })
        .finally(() => {
          worker.running = false;
        });
    },
  };
  globalForJobs[JOB_WORKER_KEY] = worker;
  setInterval(() => worker.kick(), intervalMs).unref();
}
