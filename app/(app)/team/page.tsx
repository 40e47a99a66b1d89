import type { Metadata } from "next";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LineChart } from "@/components/charts/line-chart";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { findOpenCycle } from "@/db/queries/cycles";
import { listManagedTeams, managedTeamFiguresByCycle, teamReviewProgress } from "@/db/queries/team";
import { requireRole } from "@/lib/dal";
import { formatIndex, formatIndexChange, formatPercent, SERIES_COLORS } from "@/lib/ladder";

export const metadata: Metadata = { title: "My team" };


export default async function MyTeamPage() {
  const actor = await requireRole("manager");
  const teams = await listManagedTeams(actor);
  if (teams.length === 0) {
    return (
      <>
        <PageHeader title="My team" />
        <Card title="You don't manage a team yet">
          <p className="text-muted">Ask your administrator to set you as the manager of your team.</p>
        </Card>
      </>
    );
  }
  const [figures, openCycle] = await Promise.all([managedTeamFiguresByCycle(actor, teams.map((t) => t.id)), findOpenCycle()]);
  const progress = openCycle
    ? await Promise.all(teams.map((t) => teamReviewProgress(actor, t.id, openCycle.id)))
    : [];
  const cycleNames = [...new Set(figures.map((f) => f.cycleName))];
  const closedFigures = figures.filter((f) => f.cycleId !== openCycle?.id);
  const reading = teams
    .map((team) => {
      const series = closedFigures.filter((f) => f.teamId === team.id);
      const first = series[0];
      const last = series.at(-1);
      if (!first || !last || first === last) return null;
      const change = last.figures.leverageIndex - first.figures.leverageIndex;
      return `${team.name} moved from ${formatIndex(first.figures.leverageIndex)} in ${first.cycleName} to ${formatIndex(last.figures.leverageIndex)} in ${last.cycleName} (${formatIndexChange(change)}).`;
    })
    .filter(Boolean)
    .join(" ");

  return (
    <>
      <PageHeader title="My team" description="Where your team's work sits on the leverage ladder, and how it moves." />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team, i) => {
          const series = closedFigures.filter((f) => f.teamId === team.id);
          const last = series.at(-1);
          const before = series.at(-2);
          const teamProgress = progress[i];
          return (
            <Stat
              key={team.id}
              label={`${team.name} · ${team.members} people`}
              value={last ? formatIndex(last.figures.leverageIndex) : "—"}
              hint={
                <>
                  {last ? `Leverage index ${last.cycleName}` : "No finished quarter yet"}
                  {last && before ? ` (${formatIndexChange(last.figures.leverageIndex - before.figures.leverageIndex)}), exposure ${formatPercent(last.figures.aiExposure)}` : ""}
                  {openCycle && teamProgress && (
                    <span className="block">
                      {openCycle.name}: {teamProgress.selfSubmitted} of {team.members} self-assessments in, {teamProgress.reviewed} reviewed
                    </span>
                  )}
                </>
              }
            />
          );
        })}
      </div>
      <Card
        title="Leverage index by quarter"
        description={`${reading} Each point is the mean over the people assessed that quarter, by the team they were in at the time.${openCycle ? ` ${openCycle.name} is still open: its dashed point counts only the assessments in so far.` : ""}`}
      >
        <LineChart
          labels={cycleNames}
          series={teams.map((team, i) => ({
            label: team.name,
            color: SERIES_COLORS[i % SERIES_COLORS.length]!,
            values: cycleNames.map((name) => figures.find((f) => f.teamId === team.id && f.cycleName === name)?.figures.leverageIndex ?? null),
          }))}
          yTitle="Leverage index (1–5)"
          provisionalFrom={openCycle && cycleNames.includes(openCycle.name) ? cycleNames.indexOf(openCycle.name) : undefined}
          summary={reading || `Leverage index by quarter for ${teams.map((t) => t.name).join(" and ")}`}
        />
        <ChartNumbers
          caption="Team leverage index by quarter"
          columns={teams.map((team) => team.name)}
          rows={cycleNames.map((name) => ({
            key: name,
            label: name,
            open: name === openCycle?.name,
            values: teams.map((team) => {
              const cell = figures.find((f) => f.teamId === team.id && f.cycleName === name);
              return cell ? `${formatIndex(cell.figures.leverageIndex)} (${cell.figures.count} people)` : "—";
            }),
          }))}
        />
      </Card>
    </>
  );
}
