import type { Metadata } from "next";
import Link from "next/link";
import { RoleResearchCard } from "@/components/research/role-research-card";
import { ResearchAttribution } from "@/components/research-attribution";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roleOccupationTasks, roleResearchComparisons } from "@/db/queries/occupations";
import { requireRole } from "@/lib/dal";

export const metadata: Metadata = { title: "Roles against the research" };

export default async function RolesAgainstResearchPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireRole("manager");
  const { saved } = await searchParams;
  const roles = await roleResearchComparisons(actor);
  const tasks = await roleOccupationTasks(
    actor,
    roles.map((r) => r.roleProfileId),
  );
  const savedRole = roles.find((r) => String(r.roleProfileId) === saved);
  return (
    <>
      <PageHeader
        title="Roles against the research"
        description="For each of your roles linked to an O*NET occupation: its AI exposure on the ladder, from your people's assessments and from its target mix, next to the occupation's published exposure."
      >
        <Link
          href="/team/roles/new-from-occupation"
          className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)]"
        >
          Start a role from an occupation
        </Link>
      </PageHeader>
      {savedRole && (
        <p
          role="status"
          className="mb-6 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100"
        >
          Saved the role {savedRole.roleTitle} in {savedRole.teamName}, started from {savedRole.occupationTitle}.
        </p>
      )}
      {roles.length === 0 ? (
        <Card title="No role is linked to an occupation yet">
          <p className="text-muted">Start a role from an O*NET occupation to compare it with the published research.</p>
        </Card>
      ) : (
        <div className="space-y-6">
          {roles.map((role) => (
            <RoleResearchCard
              key={role.roleProfileId}
              role={role}
              tasks={tasks.filter((t) => t.roleProfileId === role.roleProfileId)}
              highlighted={role === savedRole}
              attribution={false}
            />
          ))}
        </div>
      )}
      <ResearchAttribution className="mt-6" workingWithAi={roles.some((r) => r.applicability !== null)} />
    </>
  );
}
