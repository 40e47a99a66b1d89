import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LineChart } from "@/components/charts/line-chart";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { type OrganizationOverview, SMALL_GROUP_NOTE } from "@/db/queries/organization";
import { CAPABILITIES, formatIndex, formatIndexChange, SERIES_COLORS } from "@/lib/ladder";
import { coverageText, cycleLabel, provisionalFrom, scopedTitle } from "./format";

const SHAPES = ["circle", "triangle", "rect", "rectRot", "star"] as const;
const DEPARTMENT_ROWS_MAX = 12;
/** The change between two means as shown (two decimals), so the columns add up for the reader. */
const shownChange = (now: number, before: number) => Number(formatIndex(now)) - Number(formatIndex(before));

/**
 * Mean ratings are shown like the index, with two decimals, so a change read off two shown means
 * agrees with the change shown.
 *
 * The five durable capabilities: the scope's mean rating per quarter (a line each), their movement
 * from the previous quarter to the latest well-covered one, and each department's means beside it.
 */
export function CapabilitiesSection({ o }: { o: OrganizationOverview }) {
  const points = o.org.filter((p) => p.capabilities);
  const title = scopedTitle(o.department, "Durable capabilities per quarter");
  const heading = o.department ? title : "The organisation's durable capabilities per quarter";
  if (points.length === 0)
    return (
      <Card title={heading}>
        <p className="text-sm">No quarter in this range has a capability figure: {SMALL_GROUP_NOTE}.</p>
      </Card>
    );
  const solid = o.org[o.latestIndex];
  const latest = solid?.capabilities ? solid : points.at(-1)!;
  const latestAt = o.org.indexOf(latest);
  const previous = o.org.findLast((p, i) => i < latestAt && p.capabilities);
  const previousAt = previous ? o.org.indexOf(previous) : -1;
  const means = latest.capabilities!;
  const ranked = [...CAPABILITIES].sort((a, b) => means[b.key] - means[a.key]);
  const moves = previous
    ? CAPABILITIES.map((c) => ({ c, change: shownChange(means[c.key], previous.capabilities![c.key]) })).sort(
        (a, b) => Math.abs(b.change) - Math.abs(a.change),
      )
    : [];
  const reading = `In ${latest.cycle.name}, the mean rating is highest for ${ranked[0]!.name.toLowerCase()} (${formatIndex(means[ranked[0]!.key])} of 5) and lowest for ${ranked.at(-1)!.name.toLowerCase()} (${formatIndex(means[ranked.at(-1)!.key])})${moves[0] ? `; since ${previous!.cycle.name}, ${moves[0].c.name.toLowerCase()} moved most (${formatIndexChange(moves[0].change)})` : ""}.`;
  const labels = points.map((p) =>
    p.coverage.provisional && p.cycle.status !== "open" ? `${p.cycle.name} (provisional)` : cycleLabel(p.cycle),
  );
  const series = CAPABILITIES.map((c, i) => ({
    label: c.name,
    values: points.map((p) => Number(p.capabilities![c.key].toFixed(2))),
    color: SERIES_COLORS[i]!,
    pointStyle: SHAPES[i]!,
  }));
  // Beyond a dozen departments, the largest (the page stays small at any size; the CSV has them all).
  const allDepartments = o.department
    ? []
    : [...o.departmentCapabilities].sort((a, b) => (b.points[latestAt]?.count ?? 0) - (a.points[latestAt]?.count ?? 0));
  const departments = allDepartments.slice(0, DEPARTMENT_ROWS_MAX);
  return (
    <Card
      title={heading}
      description={`${reading} Mean rating, 1–5, of the same assessments as the level mix. Dashed: provisional quarters.`}
    >
      <ChartFrame title={title} data={{ labels, series: series.map((s) => ({ label: s.label, values: s.values })) }}>
        <LineChart
          labels={labels}
          series={series}
          yTitle="Mean rating (1–5)"
          yRange={[1, 5]}
          summary={reading}
          provisionalFrom={provisionalFrom(points)}
        />
      </ChartFrame>
      <ChartNumbers
        caption={title}
        columns={[...CAPABILITIES.map((c) => c.name), "People", "Coverage"]}
        rows={points.map((p) => ({
          key: p.cycle.id,
          label: p.cycle.name,
          open: p.cycle.status === "open",
          values: [
            ...CAPABILITIES.map((c) => formatIndex(p.capabilities![c.key])),
            (p.figures?.count ?? 0).toLocaleString("en"),
            `${coverageText(p.coverage)}${p.coverage.provisional ? " · provisional" : ""}`,
          ],
        }))}
      />
      <h3 className="mb-2 mt-6 text-sm font-semibold">
        {previous ? `Movement, ${previous.cycle.name} to ${latest.cycle.name}` : `${latest.cycle.name}`}
      </h3>
      <SimpleTable
        label={`Capability movement, ${latest.cycle.name}`}
        caption={`Capability movement, ${latest.cycle.name}`}
        pad="px-2 py-1"
        tableClassName="figures w-full text-sm"
        columns={[
          "Capability",
          ...(previous ? [{ label: previous.cycle.name, align: "right" as const }] : []),
          { label: latest.cycle.name, align: "right" },
          ...(previous ? [{ label: "Change", align: "right" as const }] : []),
        ]}
      >
        {CAPABILITIES.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.name}</th>
            {previous && <td>{formatIndex(previous.capabilities![c.key])}</td>}
            <td>{formatIndex(means[c.key])}</td>
            {previous && <td>{formatIndexChange(shownChange(means[c.key], previous.capabilities![c.key]))}</td>}
          </tr>
        ))}
      </SimpleTable>
      {departments.length > 1 && (
        <>
          <h3 className="mb-2 mt-6 text-sm font-semibold">Per department, {latest.cycle.name}</h3>
          <p className="text-muted mb-2 text-xs">
            Mean rating{previous ? `, and its change since ${previous.cycle.name} in brackets` : ""}.
            {allDepartments.length > departments.length &&
              ` The ${departments.length} largest of ${allDepartments.length} departments are shown.`}{" "}
            Every quarter of every department is in the CSV.
          </p>
          <SimpleTable
            label={`Capabilities across the organisation, ${latest.cycle.name}`}
            caption={`Capabilities across the organisation, ${latest.cycle.name}`}
            pad="px-2 py-1"
            tableClassName="figures w-full text-sm"
            columns={[
              "Department",
              ...CAPABILITIES.map((c) => ({ label: c.name, align: "right" as const })),
              { label: "People", align: "right" },
            ]}
          >
            {departments.map(({ department, points: dp }) => {
              const now = dp[latestAt];
              const before = previousAt >= 0 ? dp[previousAt]?.means : null;
              return (
                <tr key={department.id}>
                  <th scope="row" className="whitespace-nowrap">
                    {department.name}
                  </th>
                  {now?.means ? (
                    CAPABILITIES.map((c) => (
                      <td key={c.key} className="whitespace-nowrap">
                        {formatIndex(now.means![c.key])}
                        {before && (
                          <span className="text-muted">
                            {" "}
                            ({formatIndexChange(shownChange(now.means![c.key], before[c.key]))})
                          </span>
                        )}
                      </td>
                    ))
                  ) : (
                    <td colSpan={CAPABILITIES.length} className="text-muted text-left">
                      {now?.count ? `${now.count} assessed: ${SMALL_GROUP_NOTE}` : "No one assessed"}
                    </td>
                  )}
                  <td>{(now?.count ?? 0).toLocaleString("en")}</td>
                </tr>
              );
            })}
          </SimpleTable>
        </>
      )}
    </Card>
  );
}
