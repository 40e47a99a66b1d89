import { ResearchAttribution } from "@/components/research-attribution";
import { Card, Stat } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { RoleOccupationTask, RoleResearchComparison } from "@/db/queries/occupations";
import { automationLabelName, exposureLabelName, formatPercent, LEVELS, researchReading } from "@/lib/ladder";

/** One role's ladder exposure next to its occupation's published beta, with a plain reading. */
export function RoleResearchCard({
  role,
  tasks,
  highlighted = false,
  attribution = true,
}: {
  role: RoleResearchComparison;
  tasks: RoleOccupationTask[];
  highlighted?: boolean;
  /** Off where the page credits the sources once for several cards. */
  attribution?: boolean;
}) {
  const reading = role.comparison
    ? researchReading(role.roleTitle, role.comparison, role.basis)
    : "No target mix or assessment yet.";
  return (
    <div id={`role-${role.roleProfileId}`} className="scroll-mt-6">
      <Card
        className={highlighted ? "ring-2 ring-[var(--color-accent)]" : ""}
        title={`${role.roleTitle} · ${role.teamName}`}
        description={`O*NET occupation: ${role.occupationTitle} (${role.occupationCode})`}
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <Stat
            label="AI exposure, your people"
            value={role.measured ? formatPercent(role.measured.exposure) : "—"}
            hint={
              role.measured
                ? `E = s1 + ½·s2, ${role.measured.count} assessed in ${role.measured.cycleName}`
                : "No one in this role assessed yet"
            }
          />
          <Stat
            label="AI exposure, target mix"
            value={role.targetExposure === null ? "—" : formatPercent(role.targetExposure)}
            hint="E from the role's current target level mix"
          />
          <Stat
            label="Published exposure, occupation"
            value={formatPercent(role.publishedBetaHuman)}
            hint={`beta = E1 + ½·E2, annotators' labels; GPT-4's: ${formatPercent(role.publishedBetaGpt4)}`}
          />
        </div>
        <p className="mt-4 text-sm font-medium" data-testid="research-reading">
          {reading}
        </p>
        {tasks.length > 0 && (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">
              Tasks from O*NET with their labels ({tasks.length})
            </summary>
            <ScrollRegion label={`Tasks of ${role.roleTitle}`}>
              <table className="mt-2 w-full text-sm">
                <thead>
                  <tr className="border-b border-line text-left">
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Task
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Exposure
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Automation
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Ladder level
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((t) => (
                    <tr key={t.position} className="border-b border-line last:border-0 align-top">
                      <td className="py-1 pr-3">{t.statement}</td>
                      <td className="py-1 pr-3 whitespace-nowrap">
                        {exposureLabelName(t.humanExposure)}{" "}
                        <span className="text-muted">(GPT-4 {exposureLabelName(t.gpt4Exposure)})</span>
                      </td>
                      <td className="py-1 pr-3">{automationLabelName(t.gpt4Automation)}</td>
                      <td className="py-1 pr-3 whitespace-nowrap">
                        {t.level} · {LEVELS[t.level - 1]?.name}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        )}
        {attribution && <ResearchAttribution className="mt-3" />}
      </Card>
    </div>
  );
}
