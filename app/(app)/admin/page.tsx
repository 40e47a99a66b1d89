import type { Metadata } from "next";
import Link from "next/link";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { listCyclesWithCounts, organisationCounts } from "@/db/queries/admin";
import { listAuditEntries } from "@/db/queries/audit";
import { requireRole } from "@/lib/dal";
import { dateFormatters } from "@/lib/locale";

export const metadata: Metadata = { title: "Admin" };

const link = "text-[var(--color-accent)] hover:underline dark:text-indigo-300";

export default async function AdminPage() {
  const actor = await requireRole("admin");
  const [counts, cycles, audit, { dateTime: time }] = await Promise.all([
    organisationCounts(actor),
    listCyclesWithCounts(actor),
    listAuditEntries(actor, {}),
    dateFormatters(),
  ]);
  const open = cycles.filter((c) => c.status === "open");
  const drafts = cycles.filter((c) => c.status === "draft");
  return (
    <>
      <PageHeader title="Admin" description="Run the quarter: cycles, people and teams, imports, and the audit log." />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Active people" value={counts.activePeople} hint={`${counts.inactivePeople} deactivated`} />
        <Stat
          label="Teams"
          value={counts.teams}
          hint={counts.teamsWithoutManager ? `${counts.teamsWithoutManager} without a manager` : "All have a manager"}
        />
        <Stat label="Departments" value={counts.departments} />
        <Stat
          label="Open cycles"
          value={open.length ? open.map((c) => c.name).join(", ") : "None"}
          hint={drafts.length ? `${drafts.length} draft` : undefined}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Cycles in progress">
          {open.length === 0 && (
            <p className="text-sm">
              No cycle is open.{" "}
              <Link className={link} href="/admin/cycles">
                Create or open one
              </Link>
              .
            </p>
          )}
          <ul className="space-y-2 text-sm">
            {[...open, ...drafts].map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2">
                <Link href={`/admin/cycles/${c.id}`} className={`font-medium ${link}`}>
                  {c.name}
                </Link>
                <span className="text-muted">
                  {c.selfSubmitted} self-assessments in · {c.finalized} reviews finalized
                </span>
                <StatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Recent activity">
          <ul className="space-y-1 text-sm">
            {audit.rows.slice(0, 8).map((e) => (
              <li key={e.id} className="flex flex-wrap gap-x-2">
                <span className="text-muted tabular-nums">{time.format(e.at)}</span>
                <span className="font-mono text-xs leading-5">{e.action}</span>
                <span>{e.actorName ?? ""}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm">
            <Link href="/admin/audit" className={link}>
              The whole audit log →
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
