import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import {
  MIN_TEAM_ASSESSED,
  type OrganizationOverview,
  TEAM_TABLE_SORTS,
  type TeamTableSort,
  teamFiguresPage,
} from "@/db/queries/organization";
import type { Actor } from "@/lib/authz";
import { formatIndex, formatIndexChange, formatPercent } from "@/lib/ladder";

export type TeamTableParams = { tq?: string; tsort?: string; tdir?: string; tpage?: string };

const HEADERS: { sort: TeamTableSort; label: string; numeric?: boolean; className?: string }[] = [
  { sort: "team", label: "Team" },
  { sort: "department", label: "Department", className: "hidden md:table-cell" },
  { sort: "people", label: "People", numeric: true },
  { sort: "index", label: "Leverage index", numeric: true },
  { sort: "change", label: "Change", numeric: true },
  { sort: "exposure", label: "AI exposure", numeric: true },
];

/**
 * Every team in scope in the headline cycle, with its change over the range: searched, sorted
 * and paged on the server (the URL holds the view), so the page stays small with thousands of teams.
 */
export async function TeamsSection({
  actor,
  o,
  query,
  params,
}: {
  actor: Actor;
  o: OrganizationOverview;
  query: URLSearchParams;
  params: TeamTableParams;
}) {
  const cycle = o.cycles[o.latestIndex];
  if (!cycle) return null;
  const sort: TeamTableSort = (TEAM_TABLE_SORTS as readonly string[]).includes(params.tsort ?? "")
    ? (params.tsort as TeamTableSort)
    : "index";
  const desc = params.tdir ? params.tdir === "desc" : sort !== "team" && sort !== "department";
  const q = (params.tq ?? "").slice(0, 100);
  const page = Math.max(1, Math.floor(Number(params.tpage) || 1));
  const result = await teamFiguresPage(actor, {
    cycleId: cycle.id,
    sinceCycleId: o.cycles[0]!.id,
    departmentId: o.department?.id,
    basis: o.basis,
    q,
    sort,
    desc,
    page,
    closed: cycle.status === "closed" && o.cycles[0]!.status === "closed",
  });
  const lastPage = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    return `/organization?${next}#teams`;
  };
  const first = (page - 1) * result.pageSize + 1;
  return (
    <Card
      title={`Teams in ${cycle.name}`}
      description={`Change is since ${o.cycles[0]!.name}. A team with fewer than ${MIN_TEAM_ASSESSED} people assessed shows no figures: a mean of one or two people would show their own answers.`}
    >
      <search>
        <form method="get" action="/organization#teams" className="mb-3 flex flex-wrap items-end gap-2 print:hidden">
          {[...query].flatMap(([k, v]) =>
            k === "tq" || k === "tpage" ? [] : [<input key={k} type="hidden" name={k} value={v} />],
          )}
          <div className="min-w-56 flex-1">
            <label htmlFor="tq" className="block text-sm font-medium">
              Find a team
            </label>
            <input id="tq" name="tq" type="search" defaultValue={q} className="input mt-1" aria-describedby="tq-hint" />
            <p id="tq-hint" className="text-muted mt-1 text-xs">
              Matches the team&apos;s name, its manager or its unit.
            </p>
          </div>
          <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm font-medium">
            Search
          </button>
        </form>
      </search>
      <span id="teams" />
      <ScrollRegion label="Teams">
        <table className="figures roomy w-full text-sm">
          <caption className="sr-only">{`Teams by leverage index, ${cycle.name}`}</caption>
          <thead>
            <tr className="border-b border-line text-left">
              {HEADERS.map((h) => {
                const active = h.sort === sort;
                const nextDir = active ? (desc ? "asc" : "desc") : h.numeric ? "desc" : "asc";
                return (
                  <th
                    key={h.sort}
                    scope="col"
                    aria-sort={active ? (desc ? "descending" : "ascending") : undefined}
                    className={`px-2 py-2 font-medium ${h.numeric ? "text-right" : ""} ${h.className ?? ""}`}
                  >
                    <Link href={href({ tsort: h.sort, tdir: nextDir, tpage: null })} className="hover:underline">
                      {h.label}
                      {active ? (desc ? " ↓" : " ↑") : ""}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.teamId}>
                <th scope="row">
                  <Link
                    href={`/organization/teams/${r.teamId}`}
                    className="font-medium text-[var(--color-accent)] underline underline-offset-2 dark:text-indigo-300"
                  >
                    {r.team}
                  </Link>
                  <span className="text-muted block text-xs">
                    <span className="md:hidden">{r.department} · </span>
                    {r.manager ?? "No manager"}
                  </span>
                </th>
                <td className="hidden text-left md:table-cell">{r.department}</td>
                <td>{r.headCount}</td>
                <td>{r.leverageIndex === null ? "—" : formatIndex(r.leverageIndex)}</td>
                <td>{r.indexChange === null ? "—" : formatIndexChange(r.indexChange)}</td>
                <td>{r.aiExposure === null ? "—" : formatPercent(r.aiExposure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <nav aria-label="Team pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
        <span className="text-muted">
          {result.total === 0
            ? "No team matches."
            : `Teams ${first.toLocaleString("en")}–${(first + result.rows.length - 1).toLocaleString("en")} of ${result.total.toLocaleString("en")}`}
        </span>
        <span className="flex gap-2 print:hidden">
          {page > 1 && (
            <Link href={href({ tpage: String(page - 1) })} className="rounded-md border border-line px-3 py-1">
              Previous
            </Link>
          )}
          {page < lastPage && (
            <Link href={href({ tpage: String(page + 1) })} className="rounded-md border border-line px-3 py-1">
              Next
            </Link>
          )}
        </span>
      </nav>
    </Card>
  );
}
