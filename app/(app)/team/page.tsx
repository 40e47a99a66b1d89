import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LineChart } from "@/components/charts/line-chart";
import { StackedAreaChart } from "@/components/charts/stacked-area-chart";
import { LevelLegend, LevelMixBar } from "@/components/level-mix-bar";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { findOpenCycle } from "@/db/queries/cycles";
import { listManagedTeams, teamReviewProgress } from "@/db/queries/team";
import { type TeamTrends, teamTrends } from "@/db/queries/team-trends";
import { requireRole } from "@/lib/dal";
import {
  ACCENT_COLOR,
  EXPOSURE_CLASSES,
  exposureClass,
  formatIndex,
  formatIndexChange,
  formatPercent,
  formatPointsChange,
  LEVELS,
  leverageIndex,
  SHARE_KEYS,
  upwardShift,
} from "@/lib/ladder";

export const metadata: Metadata = { title: "My team" };

function mixReading(trends: TeamTrends) {
  const closed = trends.cycles.filter((c) => !c.open);
  const first = closed[0];
  const last = closed.at(-1);
  if (!first || !last || first === last) return "";
  const shift = upwardShift(first.figures.mix, last.figures.mix);
  const upper = (c: typeof first) => c.figures.ownershipShare + c.figures.systemShare;
  return `From ${first.cycleName} to ${last.cycleName}, the share of ${trends.team.name}'s time at levels 3–5 went from ${formatPercent(upper(first))} to ${formatPercent(upper(last))} (${formatPointsChange(shift.pointsMovedUp)}).`;
}

function indexReading(trends: TeamTrends) {
  const closed = trends.cycles.filter((c) => !c.open);
  const first = closed[0];
  const last = closed.at(-1);
  if (!first || !last || first === last) return "";
  return `The leverage index moved from ${formatIndex(first.figures.leverageIndex)} to ${formatIndex(last.figures.leverageIndex)} (${formatIndexChange(last.figures.leverageIndex - first.figures.leverageIndex)}), and AI exposure from ${formatPercent(first.figures.aiExposure)} to ${formatPercent(last.figures.aiExposure)}.`;
}

function TeamTrendsSection({ trends, openCycleName }: { trends: TeamTrends; openCycleName: string | null }) {
  const labels = trends.cycles.map((c) => c.cycleName);
  const openIndex = trends.cycles.findIndex((c) => c.open);
  const provisionalFrom = openIndex >= 0 ? openIndex : undefined;
  const provisionalNote =
    openCycleName && openIndex >= 0
      ? ` ${openCycleName} is still open: its figures count only the assessments in so far (dashed).`
      : "";
  const latest = trends.latest;
  const reading = mixReading(trends);
  const dominantTop = latest
    ? [...latest.distribution].sort((a, b) => b.count - a.count || a.level - b.level)[0]
    : null;
  const assessed = latest?.distribution.reduce((n, d) => n + d.count, 0) ?? 0;
  return (
    <section aria-labelledby={`team-${trends.team.id}`} className="deferred-sections space-y-6">
      <h2 id={`team-${trends.team.id}`} className="sr-only">
        {trends.team.name}
      </h2>
      <Card
        title={`Where ${trends.team.name}'s working time sits on the ladder, quarter by quarter`}
        description={`${reading} Level 1 is at the bottom, level 5 at the top: work moving up the ladder reads as colour rising.${provisionalNote}`}
      >
        <StackedAreaChart
          labels={labels}
          series={LEVELS.map((level, i) => ({
            label: `${level.level}. ${level.name}`,
            color: level.color,
            values: trends.cycles.map((c) => c.figures.mix[SHARE_KEYS[i]!]),
          }))}
          yTitle="Share of working time"
          provisionalFrom={provisionalFrom}
          summary={reading || `${trends.team.name}'s level mix by quarter`}
        />
        <ChartNumbers
          caption={`${trends.team.name} level mix by quarter`}
          columns={[...LEVELS.map((l) => `${l.level}. ${l.name}`), "People"]}
          rows={trends.cycles.map((c) => ({
            key: c.cycleId,
            label: c.cycleName,
            open: c.open,
            values: [...SHARE_KEYS.map((k) => formatPercent(c.figures.mix[k])), `${c.figures.count} people`],
          }))}
        />
      </Card>

      <Card
        title={`${trends.team.name}: leverage index and AI exposure by quarter`}
        description={`${indexReading(trends)}${provisionalNote}`}
      >
        <div className="grid gap-6 md:grid-cols-2 print:grid-cols-1">
          <LineChart
            labels={labels}
            series={[
              {
                label: "Leverage index",
                color: ACCENT_COLOR,
                values: trends.cycles.map((c) => c.figures.leverageIndex),
              },
            ]}
            yTitle="Leverage index (1–5)"
            provisionalFrom={provisionalFrom}
            summary={indexReading(trends) || `${trends.team.name}'s leverage index by quarter`}
          />
          <LineChart
            labels={labels}
            series={[
              {
                label: "AI exposure",
                color: EXPOSURE_CLASSES.exposed.color,
                values: trends.cycles.map((c) => c.figures.aiExposure),
              },
            ]}
            yTitle="AI exposure (%)"
            yFormat="percent"
            provisionalFrom={provisionalFrom}
            summary={`${trends.team.name}'s AI exposure by quarter, from ${formatPercent(trends.cycles[0]?.figures.aiExposure ?? 0)} to ${formatPercent(trends.cycles.at(-1)?.figures.aiExposure ?? 0)}`}
          />
        </div>
        <ChartNumbers
          caption={`${trends.team.name} leverage index and AI exposure by quarter`}
          columns={["Leverage index", "AI exposure", "Exposure class"]}
          rows={trends.cycles.map((c) => ({
            key: c.cycleId,
            label: c.cycleName,
            open: c.open,
            values: [
              formatIndex(c.figures.leverageIndex),
              formatPercent(c.figures.aiExposure),
              EXPOSURE_CLASSES[exposureClass(c.figures.mix)].label,
            ],
          }))}
        />
      </Card>

      {latest && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card
            title={`Members by dominant level, ${latest.cycleName}`}
            description={`${
              dominantTop && dominantTop.count > 0
                ? `${dominantTop.count} of ${assessed} people assessed spend most of their time at level ${dominantTop.level}, ${LEVELS[dominantTop.level - 1]!.name}.`
                : ""
            }${latest.open ? " Counts the assessments in so far." : ""}`}
          >
            <BarChart
              labels={LEVELS.map((l) => `${l.level}. ${l.name}`)}
              values={latest.distribution.map((d) => d.count)}
              colors={LEVELS.map((l) => l.color)}
              xTitle="Level with the largest share of the person's time"
              yTitle="People"
              summary={`Members by dominant level in ${latest.cycleName}: ${latest.distribution.map((d) => `level ${d.level}: ${d.count}`).join(", ")}`}
            />
            <ChartNumbers
              caption={`${trends.team.name} members by dominant level, ${latest.cycleName}`}
              rowHeader="Dominant level"
              columns={["People"]}
              rows={latest.distribution.map((d) => ({
                key: d.level,
                label: `${d.level}. ${LEVELS[d.level - 1]!.name}`,
                values: [String(d.count)],
              }))}
            />
          </Card>

          <Card
            title={`Each role against its target, ${latest.cycleName}`}
            description="The mean level mix of the people in each role, above the role's current target."
          >
            {latest.roles.length === 0 ? (
              <p className="text-muted text-sm">
                No assessments with a role yet.{" "}
                <Link className="font-medium text-[var(--color-accent)] underline" href="/team/roles">
                  Map your team&apos;s roles
                </Link>
                .
              </p>
            ) : (
              <>
                <LevelLegend />
                <ul className="mt-4 space-y-5">
                  {latest.roles.map((role) => {
                    const actual = role.actual.mix;
                    const gap = role.target ? leverageIndex(actual) - leverageIndex(role.target) : null;
                    return (
                      <li key={role.roleId}>
                        <p className="flex flex-wrap justify-between gap-2 text-sm">
                          <span className="font-medium">
                            {role.title}{" "}
                            <span className="text-muted font-normal">
                              · {role.actual.count} {role.actual.count === 1 ? "person" : "people"}
                            </span>
                          </span>
                          {gap !== null && (
                            <span className="tabular-nums">
                              {formatIndex(leverageIndex(actual))} vs target {formatIndex(leverageIndex(role.target!))}{" "}
                              <span
                                className={
                                  gap < 0 ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"
                                }
                              >
                                ({formatIndexChange(gap)})
                              </span>
                            </span>
                          )}
                        </p>
                        <div className="mt-1.5 grid grid-cols-[3.5rem_1fr] items-center gap-2 text-xs">
                          <span className="text-muted">Actual</span>
                          <LevelMixBar mix={actual} label={`${role.title} actual level mix`} />
                          {role.target && (
                            <>
                              <span className="text-muted">Target</span>
                              <LevelMixBar mix={role.target} label={`${role.title} target level mix`} />
                            </>
                          )}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </Card>
        </div>
      )}
    </section>
  );
}

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
  const openCycle = await findOpenCycle();
  const [trends, progress] = await Promise.all([
    Promise.all(teams.map((t) => teamTrends(actor, t.id))),
    openCycle ? Promise.all(teams.map((t) => teamReviewProgress(actor, t.id, openCycle.id))) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader title="My team" description="Where your team's work sits on the leverage ladder, and how it moves." />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team, i) => {
          const closed = trends[i]!.cycles.filter((c) => !c.open);
          const last = closed.at(-1);
          const before = closed.at(-2);
          const teamProgress = progress[i];
          return (
            <Stat
              key={team.id}
              label={`${team.name} · ${team.members} people`}
              value={last ? formatIndex(last.figures.leverageIndex) : "—"}
              hint={
                <>
                  {last ? `Leverage index ${last.cycleName}` : "No finished quarter yet"}
                  {last && before
                    ? ` (${formatIndexChange(last.figures.leverageIndex - before.figures.leverageIndex)}), exposure ${formatPercent(last.figures.aiExposure)}`
                    : ""}
                  {openCycle && teamProgress && (
                    <span className="block">
                      {openCycle.name}: {teamProgress.selfSubmitted} of {team.members} self-assessments in,{" "}
                      {teamProgress.reviewed} reviewed ·{" "}
                      <Link
                        href="/team/review"
                        className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline"
                      >
                        review
                      </Link>
                    </span>
                  )}
                </>
              }
            />
          );
        })}
      </div>
      <div className="space-y-10">
        {trends.map((t) =>
          t.cycles.length === 0 ? (
            <Card key={t.team.id} title={`${t.team.name}: no assessments yet`}>
              <p className="text-muted">
                The charts appear once the first self-assessments are submitted or reviews finalized.
              </p>
            </Card>
          ) : (
            <TeamTrendsSection key={t.team.id} trends={t} openCycleName={openCycle?.name ?? null} />
          ),
        )}
      </div>
    </>
  );
}
