import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { listTeamsAdmin } from "@/db/queries/admin-people";
import { requireRole } from "@/lib/dal";
import { CreatePersonForm } from "../person-forms";

export const metadata: Metadata = { title: "Add a person · Admin" };

export default async function NewPersonPage() {
  const actor = await requireRole("admin");
  const teams = await listTeamsAdmin(actor);
  return (
    <>
      <BackLink href="/admin/people">People</BackLink>
      <PageHeader title="Add a person" />
      <Card>
        <CreatePersonForm teams={teams.map((t) => ({ id: t.id, name: t.name, department: t.department }))} />
      </Card>
    </>
  );
}
