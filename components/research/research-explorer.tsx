"use client";

import { useState } from "react";
import { ResearchScatter } from "@/components/charts/research-scatter";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { RoleResearchComparison } from "@/db/queries/occupations";
import {
  compareWithResearch,
  formatPercent,
  RESEARCH_SOURCES,
  RESEARCH_TOLERANCE_POINTS,
  type ResearchSource,
  SOURCE_DISAGREEMENT_RANK,
  sourcesReading,
} from "@/lib/ladder";

function researchFigure(role: RoleResearchComparison, source: ResearchSource) {
  if (source === "beta-human") return role.publishedBetaHuman;
  if (source === "beta-gpt4") return role.publishedBetaGpt4;
  return role.applicability?.score ?? null;
}

const READING = { above: "more exposed", below: "less exposed", similar: "about the same" } as const;

/** The organisation's linked roles against one chosen research source: a scatter and the same roles in a table. */
export function ResearchExplorer({ roles }: { roles: RoleResearchComparison[] }) {
  const [source, setSource] = useState<ResearchSource>("beta-human");
  const chosen = RESEARCH_SOURCES.find((s) => s.value === source)!;
  const rows = roles.flatMap((r) => {
    const ladder = r.measured?.exposure ?? r.targetExposure;
    const research = researchFigure(r, source);
    if (ladder === null || research === null) return [];
    return [{ role: r, ladder, research, comparison: compareWithResearch(ladder, research) }];
  });
  const count = (c: string) => rows.filter((r) => r.comparison === c).length;
  const summary = `Of ${rows.length} linked roles, ${count("above")} spend more time in exposed work than ${chosen.phrase} suggests, ${count("below")} less and ${count("similar")} about the same.`;
  const missing = roles.length - rows.length;
  const disagreements = new Map<string, string>();
  for (const r of roles) {
    if (r.ranks && Math.abs(r.ranks.beta - r.ranks.applicability) > SOURCE_DISAGREEMENT_RANK)
      disagreements.set(r.occupationCode, sourcesReading(r.occupationTitle, r.ranks.beta, r.ranks.applicability));
  }

  return (
    <div className="space-y-4">
      <p className="text-sm font-medium" data-testid="research-summary">
        {summary}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">How to read this</summary>
        <div className="text-muted mt-2 space-y-2">
          <p>
            Each point is a role linked to an O*NET occupation. Up the chart is the role&apos;s AI exposure on the
            ladder, E = s1 + ½·s2: from its people&apos;s assessments in the latest closed quarter (filled dots), or
            from its target mix where no one is assessed yet (hollow squares). Across is the occupation&apos;s figure in
            the chosen research source.
          </p>
          <p>
            Above the dashed diagonal, the role spends more time in exposed work than the research suggests; below it,
            less. Within {RESEARCH_TOLERANCE_POINTS} points reads as about the same.
          </p>
          <ul className="list-disc pl-5">
            {RESEARCH_SOURCES.map((s) => (
              <li key={s.value}>
                <span className="font-medium">{s.name}</span>: {s.meaning}.
              </li>
            ))}
          </ul>
          <p>
            The two papers measure different things on different scales, so where they disagree the comparison is of
            ranks: where the occupation sits among all occupations by each.
          </p>
        </div>
      </details>
      <fieldset>
        <legend className="text-sm font-medium">Research source</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {RESEARCH_SOURCES.map((s) => (
            <label key={s.value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="research-source"
                value={s.value}
                checked={source === s.value}
                onChange={() => setSource(s.value)}
              />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 lg:grid-cols-2">
        <ResearchScatter
          summary={summary}
          researchTitle={chosen.short}
          points={rows.map((r) => ({
            label: `${r.role.roleTitle} (${r.role.teamName})`,
            research: r.research,
            ladder: r.ladder,
            basis: r.role.basis,
          }))}
        />
        <ScrollRegion label="Roles against the chosen research source" className="max-h-80 overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Each role's ladder exposure against {chosen.name}</caption>
            <thead className="sticky top-0 bg-[var(--surface,white)]">
              <tr className="border-b border-line text-left">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Role
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Ladder E
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {chosen.short}
                </th>
                <th scope="col" className="py-1 font-medium">
                  Reading
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.role.roleProfileId} className="border-b border-line last:border-0 align-top">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {r.role.roleTitle} <span className="text-muted">· {r.role.teamName}</span>
                    <span className="text-muted block text-xs">{r.role.occupationTitle}</span>
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {formatPercent(r.ladder)}
                    <span className="text-muted block text-xs">
                      {r.role.measured ? `${r.role.measured.count} assessed` : "target mix"}
                    </span>
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatPercent(r.research)}</td>
                  <td className="py-1">{READING[r.comparison]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing > 0 && (
            <p className="text-muted mt-2 text-xs">
              {missing} {missing === 1 ? "role is" : "roles are"} not shown: no target mix or assessment yet
              {source === "applicability" ? ", or no Working with AI score for the occupation" : ""}.
            </p>
          )}
        </ScrollRegion>
      </div>
      {disagreements.size > 0 && (
        <div data-testid="sources-disagree">
          <h3 className="text-sm font-medium">Where the two sources disagree</h3>
          <ul className="text-muted mt-1 list-disc space-y-1 pl-5 text-sm">
            {[...disagreements].map(([code, sentence]) => (
              <li key={code}>{sentence}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
