import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listTeamsAdmin } from "@/db/queries/admin-people";
import { requireRole } from "@/lib/dal";
import { CreatePersonForm } from "../person-forms";

export const metadata: Metadata = { title: "Add a person · Admin" };

export default async function NewPersonPage() {
  const actor = await requireRole("admin");
  const teams = await listTeamsAdmin(actor);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/people" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
          ← People
        </Link>
      </p>
      <PageHeader title="Add a person" />
      <Card>
        <CreatePersonForm teams={teams.map((t) => ({ id: t.id, name: t.name, department: t.department }))} />
      </Card>
    </>
  );
}
