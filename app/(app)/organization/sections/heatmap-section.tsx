import Link from "next/link";
import { Heatmap } from "@/components/charts/heatmap";
import { Card } from "@/components/ui/card";
import { HEATMAP_TEAMS_MAX, type OrganizationOverview } from "@/db/queries/organization";
import { formatPercent, LEVELS } from "@/lib/ladder";

export function HeatmapSection({ o, query }: { o: OrganizationOverview; query: URLSearchParams }) {
  const h = o.heatmap;
  if (!h || h.rows.length === 0 || h.rows.length > HEATMAP_TEAMS_MAX)
    return <DepartmentHeatmapSection o={o} query={query} />;
  const top = [...h.rows].sort((a, b) => b.figures.systemShare - a.figures.systemShare)[0]!;
  const exec = [...h.rows].sort((a, b) => b.figures.mix.s1 - a.figures.mix.s1)[0]!;
  const reading = `In ${h.cycle.name}, ${top.team.name} spends the most time on system design and strategy (levels 4–5, ${formatPercent(top.figures.systemShare)}); ${exec.team.name} the most on manual execution (level 1, ${formatPercent(exec.figures.mix.s1)}).`;
  return (
    <Card title={`Where each team's time sits, ${h.cycle.name}`} description={reading}>
      <Heatmap
        title={`Team by level heatmap ${h.cycle.name}`}
        columns={LEVELS.map((l) => `${l.level}. ${l.name}`)}
        rows={h.rows.map((r) => ({
          label: r.team.name,
          values: [r.figures.mix.s1, r.figures.mix.s2, r.figures.mix.s3, r.figures.mix.s4, r.figures.mix.s5],
        }))}
        summary={reading}
      />
    </Card>
  );
}

const HEATMAP_PAGE = 12;

/**
 * Beyond a screenful of teams: one row a department, each a link to that department's teams,
 * twelve departments a page (?hpage=).
 */
function DepartmentHeatmapSection({ o, query }: { o: OrganizationOverview; query: URLSearchParams }) {
  const h = o.departmentHeatmap;
  if (!h || h.rows.length === 0) return null;
  const pages = Math.ceil(h.rows.length / HEATMAP_PAGE);
  const page = Math.min(pages, Math.max(1, Math.floor(Number(query.get("hpage")) || 1)));
  const rows = h.rows.slice((page - 1) * HEATMAP_PAGE, page * HEATMAP_PAGE);
  const pageHref = (n: number) => {
    const q = new URLSearchParams(query);
    q.set("hpage", String(n));
    return `/organization?${q}#heatmap`;
  };
  const top = [...h.rows].sort((a, b) => b.figures.systemShare - a.figures.systemShare)[0]!;
  const exec = [...h.rows].sort((a, b) => b.figures.mix.s1 - a.figures.mix.s1)[0]!;
  const reading = `In ${h.cycle.name}, ${top.department.name} spends the most time on system design and strategy (levels 4–5, ${formatPercent(top.figures.systemShare)}); ${exec.department.name} the most on manual execution (level 1, ${formatPercent(exec.figures.mix.s1)}).`;
  const linkTo = (id: number) => {
    const q = new URLSearchParams(query);
    q.set("department", String(id));
    q.delete("tpage");
    return `/organization?${q}`;
  };
  return (
    <Card title={`Where each department's time sits, ${h.cycle.name}`} description={reading}>
      <span id="heatmap" />
      <Heatmap
        title={`Department by level heatmap ${h.cycle.name}`}
        columns={LEVELS.map((l) => `${l.level}. ${l.name}`)}
        rows={rows.map((r) => ({
          label: r.department.name,
          values: [r.figures.mix.s1, r.figures.mix.s2, r.figures.mix.s3, r.figures.mix.s4, r.figures.mix.s5],
        }))}
        summary={reading}
      />
      <nav aria-label="Open a department's teams" className="mt-3 text-sm">
        <span className="text-muted">Open a department&apos;s teams: </span>
        {rows.map((r, i) => (
          <span key={r.department.id}>
            {i > 0 && " · "}
            <Link href={linkTo(r.department.id)} className="text-[var(--color-accent)] underline underline-offset-2">
              {r.department.name}
            </Link>
          </span>
        ))}
      </nav>
      {pages > 1 && (
        <nav aria-label="Heatmap pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
          <span className="text-muted">
            Departments {(page - 1) * HEATMAP_PAGE + 1}–{(page - 1) * HEATMAP_PAGE + rows.length} of {h.rows.length}
          </span>
          <span className="flex gap-2">
            {page > 1 && (
              <Link href={pageHref(page - 1)} className="rounded-md border border-line px-3 py-1">
                Previous
              </Link>
            )}
            {page < pages && (
              <Link href={pageHref(page + 1)} className="rounded-md border border-line px-3 py-1">
                Next
              </Link>
            )}
          </span>
        </nav>
      )}
    </Card>
  );
}
