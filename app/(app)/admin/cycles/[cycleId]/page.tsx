import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NudgeDialog } from "@/components/nudge-dialog";
import { Card, Stat } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { cycleOutstanding, getCycle } from "@/db/queries/admin";
import { requireRole } from "@/lib/dal";
import { calendarDate, dateFormatters } from "@/lib/locale";
import { nudgePreview } from "@/lib/notifications/nudge-preview";
import { parseId } from "@/lib/params";
import { sendNudgesAction } from "../../../actions";
import { CloseCycleForm, CycleDatesForm, OpenCycleForm, ReopenCycleForm } from "../cycle-forms";

export const metadata: Metadata = { title: "Cycle · Admin" };

const DONE = {
  opened: (name: string) => `${name} is open: people can write in it.`,
  closed: (name: string) => `${name} is closed: everything in it is read-only.`,
  reopened: (name: string) => `${name} is open again. The reason is in the audit log.`,
} as const;

export default async function CyclePage({
  params,
  searchParams,
}: {
  params: Promise<{ cycleId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requireRole("admin");
  const cycleId = parseId((await params).cycleId);
  const cycle = cycleId ? await getCycle(actor, cycleId) : null;
  if (!cycle) notFound();
  const [outstanding, nudge, formats, { done }] = await Promise.all([
    cycle.status === "open" ? cycleOutstanding(actor, cycle.id) : null,
    cycle.status === "open" ? nudgePreview(actor, cycle.id) : null,
    dateFormatters(),
    searchParams,
  ]);
  const doneMessage = done && done in DONE ? DONE[done as keyof typeof DONE](cycle.name) : null;
  return (
    <>
      <BackLink href="/admin/cycles">All cycles</BackLink>
      <PageHeader
        title={cycle.name}
        description={`${formats.shortDate.format(calendarDate(cycle.startsOn))} – ${formats.shortDate.format(calendarDate(cycle.endsOn))}`}
      >
        <StatusBadge status={cycle.status} />
      </PageHeader>

      {doneMessage && (
        <p
          role="status"
          className="mb-6 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
        >
          {doneMessage}
        </p>
      )}

      {cycle.status === "draft" && (
        <Card title="Open the cycle">
          <OpenCycleForm cycleId={cycle.id} name={cycle.name} />
        </Card>
      )}

      {nudge && (
        <Card
          className="mb-6"
          title="Remind who has not submitted"
          description="A reminder in their notifications and by mail to everyone in the cycle without a submitted self-assessment (not started, a draft, or returned for changes)."
        >
          <NudgeDialog preview={nudge} action={sendNudgesAction} scope="the cycle" />
        </Card>
      )}

      {cycle.status === "open" && outstanding && (
        <Card
          title="Close the cycle"
          description="Closing makes every assessment in the cycle read-only. Check who has not finished first."
        >
          <div className="mb-4 grid gap-4 sm:grid-cols-2">
            <Stat label="Self-assessments not submitted" value={outstanding.selfMissing} />
            <Stat
              label="Submitted, not reviewed"
              value={outstanding.awaitingReview}
              hint="Self-assessment in; the manager has not finalized"
            />
          </div>
          {outstanding.total > 0 && (
            <details className="mb-4">
              <summary className="cursor-pointer text-sm font-medium">
                Not finished ({outstanding.total} people: {outstanding.selfMissing} not submitted,{" "}
                {outstanding.awaitingReview} submitted, not reviewed)
              </summary>
              <SimpleTable
                label="People who have not finished"
                regionClassName="mt-2 max-h-80 overflow-auto"
                caption="People who have not finished this cycle"
                pad="px-2 py-1"
                columns={["Person", "Team", "Self-assessment", "Review"]}
                footer={
                  outstanding.total > outstanding.people.length && (
                    <p className="text-muted mt-2 text-xs">
                      Showing the first {outstanding.people.length} of {outstanding.total}.
                    </p>
                  )
                }
              >
                {outstanding.people.map((p) => (
                  <tr key={p.personId} className="border-b border-line last:border-0">
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      {p.name}
                    </th>
                    <td className="px-2 py-1">{p.team}</td>
                    <td className="px-2 py-1">{p.selfDone ? "Submitted" : "Missing"}</td>
                    <td className="px-2 py-1">{p.reviewDone ? "Finalized" : "Missing"}</td>
                  </tr>
                ))}
              </SimpleTable>
            </details>
          )}
          <CloseCycleForm cycleId={cycle.id} name={cycle.name} />
        </Card>
      )}

      {cycle.status === "closed" && (
        <Card
          title="Closed: read-only"
          description="Assessments in a closed cycle cannot be written, even from a SQL console. An admin can re-open it, with a reason."
        >
          <ReopenCycleForm cycleId={cycle.id} name={cycle.name} />
        </Card>
      )}

      <Card className="mt-6" title="Dates">
        {cycle.status === "closed" ? (
          <p className="text-sm" data-testid="closed-dates">
            {cycle.name} is closed, so its dates cannot be changed. Re-open it to edit.
          </p>
        ) : (
          <CycleDatesForm cycleId={cycle.id} startsOn={cycle.startsOn} endsOn={cycle.endsOn} />
        )}
      </Card>
    </>
  );
}
