import { ChartNumbers } from "@/components/charts/chart-numbers";
import { ResearchScatter } from "@/components/charts/research-scatter";
import { ResearchAttribution } from "@/components/research-attribution";
import { Card } from "@/components/ui/card";
import { orgRoleResearchPoints } from "@/db/queries/occupations";
import type { Actor } from "@/lib/authz";
import { formatPercent } from "@/lib/ladder";

/** The organisation's roles by measured exposure against their occupation's published beta. */
export async function ResearchSection({ actor }: { actor: Actor }) {
  const roles = await orgRoleResearchPoints(actor);
  const title = "Roles' measured AI exposure against the published research";
  if (roles.length === 0) {
    return (
      <Card className="mt-6" title={title}>
        <p className="text-muted">
          No role is linked to an O*NET occupation yet. Managers link one by starting a role from an occupation in role
          mapping.
        </p>
      </Card>
    );
  }
  const plotted = roles.flatMap((r) => {
    const ladder = r.measured?.exposure ?? r.targetExposure;
    return ladder === null ? [] : [{ ...r, ladder }];
  });
  const above = plotted.filter((r) => r.comparison === "above").length;
  const below = plotted.filter((r) => r.comparison === "below").length;
  const similar = plotted.length - above - below;
  const byGap = [...plotted].sort((a, b) => b.ladder - b.publishedBetaHuman - (a.ladder - a.publishedBetaHuman));
  const describeRole = (r: (typeof plotted)[number]) =>
    `${r.roleTitle} in ${r.teamName} (${formatPercent(r.ladder)} against ${formatPercent(r.publishedBetaHuman)})`;
  const furthestAbove =
    byGap[0] && byGap[0].comparison === "above" ? ` Furthest above: ${describeRole(byGap[0])}.` : "";
  const furthestBelow = byGap.at(-1)?.comparison === "below" ? ` Furthest below: ${describeRole(byGap.at(-1)!)}.` : "";
  const reading = `Of ${plotted.length} roles linked to an O*NET occupation, ${above} spend more time in exposed work than their occupation's published task profile suggests (above the diagonal), ${below} less (below it) and ${similar} about the same (within 5 points).${furthestAbove}${furthestBelow}`;
  return (
    <Card
      className="mt-6"
      title={title}
      description={
        <>
          {reading} Each role&apos;s ladder exposure is E = s1 + ½·s2 over its people&apos;s assessments in the latest
          closed quarter (its target mix where no one is assessed yet); the research figure is the occupation&apos;s
          beta = E1 + ½·E2, from the annotators&apos; task labels.
        </>
      }
    >
      <ResearchScatter
        summary={reading}
        points={plotted.map((r) => ({
          label: `${r.roleTitle} (${r.teamName})`,
          research: r.publishedBetaHuman,
          ladder: r.ladder,
        }))}
      />
      <ChartNumbers
        caption="Roles' measured exposure and their occupation's published beta"
        rowHeader="Role"
        textColumns={2}
        columns={[
          "Team",
          "O*NET occupation",
          "Ladder E",
          "Measured on",
          "Target E",
          "Beta (annotators)",
          "Beta (GPT-4)",
        ]}
        rows={roles.map((r) => ({
          key: r.roleProfileId,
          label: r.roleTitle,
          values: [
            r.teamName,
            `${r.occupationTitle} (${r.occupationCode})`,
            r.measured
              ? formatPercent(r.measured.exposure)
              : r.targetExposure !== null
                ? formatPercent(r.targetExposure)
                : "—",
            r.measured ? `${r.measured.count} people, ${r.measured.cycleName}` : "target mix",
            r.targetExposure !== null ? formatPercent(r.targetExposure) : "—",
            formatPercent(r.publishedBetaHuman),
            formatPercent(r.publishedBetaGpt4),
          ],
        }))}
      />
      <ResearchAttribution className="mt-3" />
    </Card>
  );
}
