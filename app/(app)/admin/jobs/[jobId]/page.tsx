import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getJob } from "@/db/jobs";
import { requireRole } from "@/lib/dal";

export const metadata: Metadata = { title: "Background job · Admin" };

const titles: Record<string, string> = { "invitations.send": "Sending invitations" };

export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const actor = await requireRole("admin");
  const id = Number((await params).jobId);
  const job = Number.isInteger(id) && id > 0 ? await getJob(actor, id) : null;
  if (!job) notFound();
  const finished = job.status === "done" || job.status === "failed";
  const percent = job.progressTotal ? Math.round((100 * job.progressDone) / job.progressTotal) : 0;
  return (
    <>
      {/* While it runs, the page reloads itself every two seconds: no script needed to watch it. */}
      {!finished && <meta httpEquiv="refresh" content="2" />}
      <PageHeader
        title={titles[job.kind] ?? job.kind}
        description="This runs in the background: you can leave this page."
      />
      <Card>
        <p className="text-sm" aria-live="polite" data-testid="job-status" data-status={job.status}>
          {job.status === "queued" && "Waiting to start…"}
          {job.status === "running" &&
            `${job.progressDone.toLocaleString("en")} of ${job.progressTotal.toLocaleString("en")} done.`}
          {job.status === "done" &&
            `Done: ${job.progressDone.toLocaleString("en")} of ${job.progressTotal.toLocaleString("en")}.`}
          {job.status === "failed" &&
            `Stopped after ${job.progressDone.toLocaleString("en")} of ${job.progressTotal.toLocaleString("en")}: ${job.error ?? "unknown error"}. The rest were not sent; invite them again from the people list.`}
        </p>
        <progress
          className="mt-3 w-full"
          max={job.progressTotal || 1}
          value={job.progressDone}
          aria-label={`${percent}% done`}
        />
        {job.status === "queued" && job.attempts > 0 && job.error && (
          <p className="text-muted mt-2 text-xs">The last attempt failed ({job.error}); it will be retried shortly.</p>
        )}
        <p className="mt-4 text-sm">
          <Link href="/admin/people" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
            ← People
          </Link>
        </p>
      </Card>
    </>
  );
}
