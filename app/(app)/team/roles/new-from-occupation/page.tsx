import type { Metadata } from "next";
import Link from "next/link";
import { OccupationSearch } from "@/components/research/occupation-search";
import { ResearchAttribution } from "@/components/research-attribution";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { occupationWithTasks, searchOccupations } from "@/db/queries/occupations";
import { listManagedTeams } from "@/db/queries/team";
import { requireRole } from "@/lib/dal";
import { formatPercent } from "@/lib/ladder";
import { OccupationRoleForm } from "./occupation-role-form";

export const metadata: Metadata = { title: "Start a role from an occupation" };

export default async function NewRoleFromOccupationPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; code?: string }>;
}) {
  const actor = await requireRole("manager");
  const { q = "", code } = await searchParams;
  const [teams, results, occupation] = await Promise.all([
    listManagedTeams(actor),
    q ? searchOccupations(actor, q) : Promise.resolve([]),
    code ? occupationWithTasks(actor, code) : Promise.resolve(null),
  ]);

  return (
    <>
      <PageHeader
        title="Start a role from an occupation"
        description="Pick an O*NET occupation: its tasks come with their published AI-exposure labels and a suggested ladder level for each. Confirm or change the levels, then save the role."
      />
      {teams.length === 0 ? (
        <Card title="You don't manage a team yet">
          <p className="text-muted">Ask your administrator to set you as the manager of your team.</p>
        </Card>
      ) : occupation ? (
        <Card
          title={`${occupation.title} (${occupation.code})`}
          description={
            <>
              Published AI exposure (beta = E1 + ½·E2): {formatPercent(occupation.publishedBetaHuman * 100)} from the
              annotators&apos; labels, {formatPercent(occupation.publishedBetaGpt4 * 100)} from GPT-4&apos;s.{" "}
              <Link href={`/team/roles/new-from-occupation?q=${encodeURIComponent(q)}`} className="underline">
                Choose another occupation
              </Link>
            </>
          }
        >
          <ResearchAttribution className="mb-4" />
          <OccupationRoleForm
            occupation={{ code: occupation.code, title: occupation.title }}
            tasks={occupation.tasks}
            teams={teams.map((t) => ({ id: t.id, name: t.name }))}
          />
        </Card>
      ) : (
        <Card
          title="Find the occupation"
          description='Search O*NET occupations by title ("analyst", "support", "accountant") or by code ("13-2051").'
        >
          <OccupationSearch defaultValue={q} />
          {code && (
            <p className="mt-4 text-sm text-red-700 dark:text-red-300">No O*NET occupation has the code {code}.</p>
          )}
          {q && (
            <div className="mt-6" aria-live="polite">
              {results.length === 0 ? (
                <p className="text-muted text-sm">
                  No occupation matches “{q}”. Try a shorter word, such as “analyst”.
                </p>
              ) : (
                <>
                  <p className="text-muted text-sm">
                    {results.length === 20
                      ? "The first 20 occupations"
                      : `${results.length} occupation${results.length === 1 ? "" : "s"}`}{" "}
                    matching “{q}”:
                  </p>
                  <ul className="mt-2 divide-y divide-[var(--line)]">
                    {results.map((r) => (
                      <li key={r.code}>
                        <Link
                          href={`/team/roles/new-from-occupation?q=${encodeURIComponent(q)}&code=${encodeURIComponent(r.code)}`}
                          className="flex flex-wrap items-baseline justify-between gap-2 py-2 hover:text-[var(--color-accent)]"
                        >
                          <span className="font-medium">{r.title}</span>
                          <span className="text-muted text-sm tabular-nums">
                            {r.code} · {r.taskCount} tasks
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <ResearchAttribution className="mt-6" />
        </Card>
      )}
    </>
  );
}
