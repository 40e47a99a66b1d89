import "server-only";
import { claimNextJob, failJob, finishJob, JOB_WORKER_KEY, saveJobProgress } from "@/db/jobs";
import { JOB_HANDLERS } from "./handlers";

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
  const worker = {
    running: false,
    kick() {
      if (worker.running) return;
      worker.running = true;
      runPendingJobs()
        .catch((error: unknown) => console.error("Job worker failed", error))
        .finally(() => {
          worker.running = false;
        });
    },
  };
  globalForJobs[JOB_WORKER_KEY] = worker;
  setInterval(() => worker.kick(), intervalMs).unref();
}
