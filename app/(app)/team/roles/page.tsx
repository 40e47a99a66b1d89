import type { Metadata } from "next";
import Link from "next/link";
import { ExposureBadge } from "@/components/exposure-badge";
import { LevelLegend, LevelMixBar } from "@/components/level-mix-bar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listTeamMembersWithRoles, listTeamRoles } from "@/db/queries/roles";
import { listManagedTeams } from "@/db/queries/team";
import { requireRole } from "@/lib/dal";
import { aiExposure, exposureClass, formatIndex, formatPercent, LEVELS, leverageIndex } from "@/lib/ladder";
import { dateFormatters } from "@/lib/locale";
import { RoleAssignments } from "./role-assignments";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireRole("manager");
  const [teams, roles, members, formats, { saved }] = await Promise.all([
    listManagedTeams(actor),
    listTeamRoles(actor),
    listTeamMembersWithRoles(actor),
    dateFormatters(),
    searchParams,
  ]);
  const savedRole = roles.find((r) => String(r.id) === saved);

  return (
    <>
      <PageHeader
        title="Roles"
        description="Each role's target on the ladder and its typical tasks by level. Saving a change keeps the old version for past quarters."
      >
        {teams.length > 0 && (
          <div className="flex flex-wrap gap-2">
            <Link
              href="/team/roles/new-from-occupation"
              className="rounded-md border border-line px-4 py-2 text-sm font-semibold hover:border-[var(--color-accent)]"
            >
              Start from an occupation
            </Link>
            <Link
              href="/team/roles/new"
              className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)]"
            >
              New role
            </Link>
          </div>
        )}
      </PageHeader>
      <div aria-live="polite">
        {savedRole?.current && (
          <p className="mb-6 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200">
            Saved {savedRole.title}, version {savedRole.current.version}.
          </p>
        )}
      </div>
      {teams.length === 0 ? (
        <Card title="You don't manage a team yet">
          <p className="text-muted">Ask your administrator to set you as the manager of your team.</p>
        </Card>
      ) : (
        teams.map((team) => {
          const teamRoles = roles.filter((r) => r.teamId === team.id);
          return (
            <section key={team.id} aria-labelledby={`team-${team.id}-roles`} className="mb-10">
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`team-${team.id}-roles`} className="text-lg font-semibold">
                  {team.name}: {teamRoles.length} {teamRoles.length === 1 ? "role" : "roles"}
                </h2>
                <LevelLegend />
              </div>
              {teamRoles.length === 0 && (
                <Card>
                  <p className="text-muted">
                    No roles yet for {team.name}.{" "}
                    <Link
                      className="font-medium text-[var(--color-accent)] underline"
                      href={`/team/roles/new?team=${team.id}`}
                    >
                      Map the first role
                    </Link>
                    .
                  </p>
                </Card>
              )}
              <ul className="grid gap-4 md:grid-cols-2">
                {teamRoles.map((role) => (
                  <li key={role.id}>
                    <Card className="h-full">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <div>
                          <h3 className="font-semibold">{role.title}</h3>
                          <p className="text-muted text-xs">
                            {role.current
                              ? `Version ${role.current.version} · ${formats.shortDate.format(role.current.createdAt)}${role.current.createdBy ? ` by ${role.current.createdBy}` : ""}`
                              : "Not mapped yet"}{" "}
                            · {role.members} {role.members === 1 ? "person" : "people"}
                          </p>
                        </div>
                        <Link
                          href={`/team/roles/${role.id}`}
                          className="rounded-md border border-line px-3 py-1 text-sm font-medium hover:border-[var(--color-accent)]"
                          aria-label={`Edit ${role.title}`}
                        >
                          Edit
                        </Link>
                      </div>
                      {role.current && (
                        <>
                          {role.current.description && (
                            <p className="text-muted mt-2 text-sm">{role.current.description}</p>
                          )}
                          <div className="mt-3">
                            <LevelMixBar mix={role.current.target} label={`${role.title} target level mix`} />
                            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                              <span>
                                Target index{" "}
                                <span className="font-medium tabular-nums">
                                  {formatIndex(leverageIndex(role.current.target))}
                                </span>
                              </span>
                              <span>
                                AI exposure{" "}
                                <span className="font-medium tabular-nums">
                                  {formatPercent(aiExposure(role.current.target))}
                                </span>
                              </span>
                              <ExposureBadge exposureClass={exposureClass(role.current.target)} />
                            </p>
                          </div>
                          <ul className="mt-3 space-y-1 text-sm" aria-label={`Typical tasks of ${role.title}`}>
                            {role.current.tasks
                              .map((task, i) => ({ ...task, number: i + 1 }))
                              .map((task) => {
                                const level = LEVELS[task.level - 1]!;
                                return (
                                  <li key={task.number} className="flex items-start gap-2">
                                    <span
                                      className="mt-1.5 h-2 w-2 shrink-0 rounded-full"
                                      style={{ background: level.color }}
                                      aria-hidden="true"
                                    />
                                    <span>
                                      {task.text} <span className="text-muted">· level {task.level}</span>
                                    </span>
                                  </li>
                                );
                              })}
                          </ul>
                        </>
                      )}
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
      {members.length > 0 && (
        <Card
          title="Who holds which role"
          description="A person's role sets the target their assessments are compared with."
        >
          <RoleAssignments
            members={members.map((m) => ({
              personId: m.personId,
              name: m.name,
              teamName: m.teamName,
              roleId: m.roleId,
            }))}
            rolesByTeam={Object.fromEntries(
              teams.map((t) => [
                t.name,
                roles.filter((r) => r.teamId === t.id).map((r) => ({ id: r.id, title: r.title })),
              ]),
            )}
          />
        </Card>
      )}
    </>
  );
}
