import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { Card } from "@/components/ui/card";
import { type OrganizationOverview, TOP_N } from "@/db/queries/organization";
import { formatIndex, formatIndexChange, formatPointsChange } from "@/lib/ladder";

type Mover = OrganizationOverview["teamMovers"][number];

function MoverList({ title, movers, empty }: { title: string; movers: Mover[]; empty: string }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {movers.length === 0 ? (
        <p className="text-muted text-sm">{empty}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {movers.map((m) => (
            <li key={m.id} className="flex justify-between gap-2">
              <span>{m.name}</span>
              <span className="shrink-0 whitespace-nowrap tabular-nums">
                {formatIndexChange(m.indexChange)}{" "}
                <span className="text-muted">({formatPointsChange(m.pointsMovedUp)} to levels 3–5)</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function MoversSection({ o }: { o: OrganizationOverview }) {
  const sorted = [...o.teamMovers].sort((a, b) => b.indexChange - a.indexChange);
  // The ten that moved most up and the ten most down: a bar a team stops reading beyond that.
  const teams = sorted.length > 2 * TOP_N ? [...sorted.slice(0, TOP_N), ...sorted.slice(-TOP_N)] : sorted;
  const roles = [...o.roleMovers].sort((a, b) => b.indexChange - a.indexChange);
  if (teams.length === 0) return null;
  const range = `${teams[0]!.from} → ${teams[0]!.to}`;
  const up = teams.filter((m) => m.indexChange > 0.005);
  const down = teams.filter((m) => m.indexChange < -0.005).reverse();
  const reading =
    (o.teamsPartial || sorted.length > teams.length
      ? `${range}: the ${TOP_N} teams that moved most up the ladder and the ${TOP_N} that moved most down`
      : `${range}: ${up.length} of ${teams.length} teams moved up the ladder`) +
    (up[0] ? `, most of all ${up[0].name} (${formatIndexChange(up[0].indexChange)})` : "") +
    (down[0] ? `; ${down[0].name} slipped most (${formatIndexChange(down[0].indexChange)}).` : "; none slipped.");
  const labels = teams.map((m) => m.name);
  const values = teams.map((m) => Number(m.indexChange.toFixed(2)));
  return (
    <Card title="Movers" description={reading}>
      <ChartFrame
        title="Change in leverage index per team"
        data={{ labels, series: [{ label: "Index change", values }] }}
      >
        <HorizontalBarChart
          labels={labels}
          series={[
            { label: "Change in leverage index", values, color: values.map((v) => (v >= 0 ? "#15803d" : "#b91c1c")) },
          ]}
          xTitle={`Change in leverage index, ${range}`}
          summary={reading}
          format="indexChange"
        />
      </ChartFrame>
      <ChartNumbers
        caption="Change in leverage index per team"
        rowHeader="Team"
        columns={["From", "To", "Change", "Points to levels 3–5"]}
        rows={teams.map((m) => ({
          key: m.id,
          label: m.name,
          values: [
            formatIndex(m.fromIndex),
            formatIndex(m.toIndex),
            formatIndexChange(m.indexChange),
            formatPointsChange(m.pointsMovedUp),
          ],
        }))}
      />
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <MoverList
          title="Roles moving up most"
          movers={roles.filter((m) => m.indexChange > 0.005).slice(0, 6)}
          empty="No role moved up."
        />
        <MoverList
          title="Roles that slipped"
          movers={roles
            .filter((m) => m.indexChange < -0.005)
            .reverse()
            .slice(0, 6)}
          empty="No role slipped."
        />
      </div>
    </Card>
  );
}
