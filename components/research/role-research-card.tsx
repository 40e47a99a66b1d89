import { ResearchAttribution } from "@/components/research-attribution";
import { Card, Stat } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import type { RoleOccupationTask, RoleResearchComparison } from "@/db/queries/occupations";
import {
  automationLabelName,
  automationMeaning,
  exposureLabelName,
  formatPercent,
  LEVELS,
  occupationBeta,
  researchReading,
  sourcesReading,
} from "@/lib/ladder";

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
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
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
          <Stat
            label="AI applicability, occupation"
            value={role.applicability ? formatPercent(role.applicability.score) : "—"}
            hint={
              role.applicability
                ? `From real Copilot use: user goals ${formatPercent(role.applicability.scoreUser)} (close to level 2), AI actions ${formatPercent(role.applicability.scoreAi)} (close to level 1)`
                : "Working with AI has no score for this occupation's SOC code"
            }
          />
        </div>
        <p className="mt-4 text-sm font-medium" data-testid="research-reading">
          {reading}
        </p>
        {role.ranks && (
          <p className="text-muted mt-1 text-sm" data-testid="sources-reading">
            {sourcesReading(role.occupationTitle, role.ranks.beta, role.ranks.applicability)}
          </p>
        )}
        {tasks.length > 0 && (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">
              Tasks from O*NET with their labels ({tasks.length})
            </summary>
            <p className="text-muted mt-2 text-xs" data-testid="tasks-beta">
              These tasks&apos; beta, counted like the research (Core tasks twice):{" "}
              {formatPercent(
                occupationBeta(tasks.map((t) => ({ label: t.humanExposure, taskType: t.taskType }))) * 100,
              )}{" "}
              against the whole occupation&apos;s {formatPercent(role.publishedBetaHuman)}.
            </p>
            <SimpleTable
              label={`Tasks of ${role.roleTitle}`}
              tableClassName="mt-2 w-full text-sm"
              pad="py-1 pr-3"
              columns={["Task", "Exposure", "GPT-4 automation", "Ladder level"]}
            >
              {tasks.map((t) => (
                <tr key={t.position} className="border-b border-line last:border-0 align-top">
                  <td className="py-1 pr-3">{t.statement}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {exposureLabelName(t.humanExposure)}{" "}
                    <span className="text-muted">(GPT-4 {exposureLabelName(t.gpt4Exposure)})</span>
                  </td>
                  <td className="py-1 pr-3">
                    <span className="whitespace-nowrap font-medium">{automationLabelName(t.gpt4Automation)}</span>{" "}
                    <span className="text-muted">{automationMeaning(t.gpt4Automation)}</span>
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {t.level} · {LEVELS[t.level - 1]?.name}
                  </td>
                </tr>
              ))}
            </SimpleTable>
          </details>
        )}
        {attribution && <ResearchAttribution className="mt-3" workingWithAi={role.applicability !== null} />}
      </Card>
    </div>
  );
}
