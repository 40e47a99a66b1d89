import type { Metadata } from "next";
import Link from "next/link";
import { RoleEditor } from "@/components/role-editor/role-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listManagedTeams } from "@/db/queries/team";
import { requireRole } from "@/lib/dal";
import { emptyRoleEditorValues } from "@/lib/role-schema";
import { saveRoleAction } from "../actions";

export const metadata: Metadata = { title: "New role" };

export default async function NewRolePage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const actor = await requireRole("manager");
  const [teams, { team }] = await Promise.all([listManagedTeams(actor), searchParams]);
  const teamId = teams.find((t) => String(t.id) === team)?.id ?? teams[0]?.id ?? null;
  return (
    <>
      <PageHeader
        title="New role"
        description="Describe the role, set where its work should sit on the ladder, and place its typical tasks on levels."
      >
        <Link
          href="/team/roles/new-from-occupation"
          className="text-sm font-medium text-[var(--color-accent)] underline"
        >
          Or start from an O*NET occupation
        </Link>
      </PageHeader>
      <Card>
        <RoleEditor
          initial={emptyRoleEditorValues(teamId)}
          teams={teams.map((t) => ({ id: t.id, name: t.name }))}
          action={saveRoleAction}
          cancelHref="/team/roles"
        />
      </Card>
    </>
  );
}
