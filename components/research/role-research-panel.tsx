import Link from "next/link";
import type { ComponentProps } from "react";
import { LinkOccupationForm } from "@/components/research/link-occupation-form";
import { RoleResearchCard } from "@/components/research/role-research-card";
import { Card } from "@/components/ui/card";
import type { RoleOccupationTask, RoleResearchComparison } from "@/db/queries/occupations";

/** On a role's page: its exposure against its O*NET occupation's published research, or how to link one. */
export function RoleResearchPanel({
  roleId,
  comparison,
  tasks,
  unlinkAction,
}: {
  roleId: number;
  /** Null while the role is linked to no occupation. */
  comparison: RoleResearchComparison | null;
  tasks: RoleOccupationTask[];
  unlinkAction: ComponentProps<typeof LinkOccupationForm>["action"];
}) {
  if (!comparison) {
    return (
      <div id="research" className="scroll-mt-6">
        <Card title="Compare with the research">
          <p className="text-muted text-sm">
            Link this role to an O*NET occupation to see its AI exposure next to the occupation&apos;s published
            exposure (Eloundou et al. 2023).
          </p>
          <Link
            href={`/team/research/link?role=${roleId}`}
            className="mt-3 inline-block rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:border-[var(--color-accent)]"
          >
            Link to an O*NET occupation
          </Link>
        </Card>
      </div>
    );
  }
  return (
    <div id="research" className="scroll-mt-6 space-y-2">
      <RoleResearchCard role={comparison} tasks={tasks} />
      <div className="flex flex-wrap items-start justify-end gap-2">
        <Link
          href={`/team/research/link?role=${roleId}`}
          className="rounded-md border border-line px-3 py-1 text-sm font-medium hover:border-[var(--color-accent)]"
        >
          Change occupation
        </Link>
        <LinkOccupationForm action={unlinkAction} roleId={roleId} occupationCode="" label="Unlink occupation" />
      </div>
    </div>
  );
}
