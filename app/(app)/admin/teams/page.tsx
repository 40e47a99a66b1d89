import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { listDepartments, listManagerCandidates, listTeamsAdmin } from "@/db/queries/admin-people";
import { requireRole } from "@/lib/dal";
import { CreateTeamForm, SetManagerForm } from "./team-forms";

export const metadata: Metadata = { title: "Teams · Admin" };

export default async function TeamsPage() {
  const actor = await requireRole("admin");
  const [teams, candidates, departments] = await Promise.all([
    listTeamsAdmin(actor),
    listManagerCandidates(actor),
    listDepartments(actor),
  ]);
  return (
    <>
      <PageHeader
        title="Teams"
        description="Each team belongs to a department and has one manager, who reviews its people."
      />
      <Card>
        <SimpleTable
          label="Teams"
          caption="Teams and their managers"
          columns={[
            "Team",
            { label: "Department", className: "hidden md:table-cell" },
            { label: "People", align: "right" },
            "Manager",
          ]}
        >
          {teams.map((team) => (
            <tr key={team.id} className="border-b border-line align-middle last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link
                  href={`/admin/people?q=${encodeURIComponent(team.name)}`}
                  className="text-[var(--color-accent)] underline underline-offset-2 dark:text-indigo-300"
                >
                  {team.name}
                </Link>
                <span className="text-muted block text-xs font-normal md:hidden">{team.department}</span>
              </th>
              <td className="hidden px-3 py-2 md:table-cell">{team.department}</td>
              <td className="px-3 py-2 text-right tabular-nums">{team.members}</td>
              <td className="px-3 py-2">
                <SetManagerForm team={team} managerId={team.managerId} candidates={candidates} />
              </td>
            </tr>
          ))}
        </SimpleTable>
        <p className="text-muted mt-3 text-xs">
          Managers are chosen among active managers, leaders and admins; give an employee the manager role on their page
          first.
        </p>
      </Card>
      <Card className="mt-6" title="New team">
        <CreateTeamForm departments={departments} />
      </Card>
    </>
  );
}
