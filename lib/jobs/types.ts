import type { Job } from "@/db/jobs";

type JobContext = {
  job: Job;
  /** Records how many of the job's items are done; a retried job starts from `job.progressDone`. */
  progress(done: number): Promise<void>;
};
export type JobHandler = (context: JobContext) => Promise<void>;
