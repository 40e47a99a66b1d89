import { Card } from "@/components/ui/card";
import type { OrganizationOverview } from "@/db/queries/organization";
import { type TeamFiguresRow, TeamFiguresTable } from "../team-figures-table";

/** Every team in the latest cycle shown, with its change over the range; a team's name opens its trends. */
export function TeamsSection({ o }: { o: OrganizationOverview }) {
  const cycle = o.heatmap?.cycle;
  if (!cycle) return null;
  const at = o.cycles.findIndex((c) => c.id === cycle.id);
  const rows: TeamFiguresRow[] = o.teams.map((team) => {
    const s = o.teamSeries.find((t) => t.team.id === team.id);
    const now = s?.points[at] ?? null;
    const first = s?.points.find((p) => p) ?? null;
    return {
      teamId: team.id,
      team: team.name,
      department: team.department,
      manager: team.manager,
      headCount: now?.count ?? 0,
      leverageIndex: now?.leverageIndex ?? null,
      indexChange: now && first && first !== now ? now.leverageIndex - first.leverageIndex : null,
      aiExposure: now?.aiExposure ?? null,
    };
  });
  return (
    <Card
      title={`Teams in ${cycle.name}`}
      description={`Change is since ${o.cycles[0]!.name}. Click a column to sort; open a team to see its trends.`}
    >
      <TeamFiguresTable rows={rows} cycleName={cycle.name} />
    </Card>
  );
}
