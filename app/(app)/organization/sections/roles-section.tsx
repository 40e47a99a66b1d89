import { ExposureBadge } from "@/components/exposure-badge";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { type OrganizationOverview, SMALL_GROUP_NOTE } from "@/db/queries/organization";
import { formatPercent, formatPointsChange } from "@/lib/ladder";

function Trend({ values }: { values: (number | null)[] }) {
  const points = values
    .map((v, i) => (v === null ? null : { x: i, y: v }))
    .filter((p): p is { x: number; y: number } => p !== null);
  if (points.length < 2) return null;
  const w = 64;
  const h = 18;
  const max = Math.max(...points.map((p) => p.y), 1);
  const path = points
    .map(
      (p, i) => `${i ? "L" : "M"}${((p.x / (values.length - 1)) * w).toFixed(1)},${(h - (p.y / max) * h).toFixed(1)}`,
    )
    .join(" ");
  return (
    <svg width={w} height={h} aria-hidden="true" className="hidden align-middle sm:inline-block">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function RolesTable({ caption, roles }: { caption: string; roles: OrganizationOverview["roles"] }) {
  return (
    <SimpleTable
      label={caption}
      caption={caption}
      pad="px-2 py-2"
      tableClassName="figures roomy w-full text-sm"
      columns={[
        "Role",
        "Class",
        { label: "AI exposure", align: "right" },
        { label: "People", align: "right", className: "hidden sm:table-cell" },
        { label: "Trend", align: "right" },
      ]}
    >
      {roles.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            <span className="font-medium">{r.title}</span>
            <span className="text-muted block text-xs">{r.team}</span>
          </th>
          <td className="text-left">
            <ExposureBadge exposureClass={r.exposureClass} />
          </td>
          <td>{formatPercent(r.exposure)}</td>
          <td className="hidden sm:table-cell">{r.headCount}</td>
          <td className="whitespace-nowrap">
            <Trend values={r.trend} /> {r.change === null ? "—" : formatPointsChange(r.change)}
          </td>
        </tr>
      ))}
    </SimpleTable>
  );
}

export function RolesSection({ o }: { o: OrganizationOverview }) {
  if (o.latestIndex < 0) return null;
  if (o.roles.length === 0)
    return o.roleCounts.hidden > 0 ? (
      <Card title="Roles most exposed to AI">
        <p className="text-sm">
          {o.roleCounts.hidden} {o.roleCounts.hidden === 1 ? "role has" : "roles have"} assessments, each with{" "}
          {SMALL_GROUP_NOTE}.
        </p>
      </Card>
    ) : null;
  const exposed = o.roles.slice(0, 8);
  const enhanced = o.roles
    .filter((r) => r.exposureClass === "enhanced")
    .sort((a, b) => b.ownershipAndSystem - a.ownershipAndSystem);
  const top = o.roles[0]!;
  const cycle = o.cycles[o.latestIndex]!;
  const reading = `In ${cycle.name}, ${o.roleCounts.exposed} of ${o.roleCounts.total} roles are AI-exposed; the most exposed is ${top.title} (${top.team}) at ${formatPercent(top.exposure)} of time in automatable work. ${o.roleCounts.enhanced} roles are AI-enhanced${o.roleCounts.enhanced > enhanced.length ? ` (the ${enhanced.length} with most time at decision ownership and above are listed)` : ""}.`;
  return (
    <Card title="Roles most exposed to AI" description={reading}>
      <RolesTable caption={`Most AI-exposed roles, ${cycle.name}`} roles={exposed} />
      <h3 className="mb-2 mt-6 text-sm font-semibold">AI-enhanced roles</h3>
      <p className="text-muted mb-2 text-xs">Half or more of the time (median) at decision ownership and above.</p>
      {enhanced.length ? (
        <RolesTable caption={`AI-enhanced roles, ${cycle.name}`} roles={enhanced} />
      ) : (
        <p className="text-sm">None yet.</p>
      )}
      <p className="text-muted mt-3 text-xs">
        Exposure = share of level-1 time plus half of level-2 time. Trend: change in exposure over the range.
        {o.roleCounts.hidden > 0 &&
          ` Not listed: ${o.roleCounts.hidden} ${o.roleCounts.hidden === 1 ? "role" : "roles"} with ${SMALL_GROUP_NOTE.replace(" it", " them")}.`}
      </p>
    </Card>
  );
}
