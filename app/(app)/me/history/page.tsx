import type { Metadata } from "next";
import { ExposureBadge } from "@/components/exposure-badge";
import { LevelLegend, LevelMixBar } from "@/components/level-mix-bar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myAssessmentsByCycle } from "@/db/queries/my-assessments";
import { requireRole } from "@/lib/dal";
import { aiExposure, exposureClass, formatIndex, formatPercent, leverageIndex } from "@/lib/ladder";

export const metadata: Metadata = { title: "My history" };

export default async function MyHistoryPage() {
  const actor = await requireRole("employee", "manager");
  const cycles = await myAssessmentsByCycle(actor);
  const history = cycles.filter((c) => c.cycleStatus === "closed" && (c.manager?.mix || c.self?.mix)).reverse();
  return (
    <>
      <PageHeader title="My history" description="Your leverage index and level mix, quarter by quarter." />
      <Card title="By quarter" description="The figures that count for each quarter: your manager's final review where there is one, else your own.">
        {history.length === 0 ? (
          <p className="text-muted">No finished quarters yet. After your first review cycle closes, your history appears here.</p>
        ) : (
          <>
            <LevelLegend />
            <ul className="mt-4 space-y-4">
              {history.map((c) => {
                const mix = (c.manager?.mix ?? c.self?.mix)!;
                return (
                  <li key={c.cycleId} className="grid grid-cols-[5rem_1fr] items-center gap-3 sm:grid-cols-[5rem_1fr_16rem]">
                    <span className="text-sm font-medium">{c.cycleName}</span>
                    <LevelMixBar mix={mix} label={`${c.cycleName} level mix`} />
                    <span className="col-span-2 flex items-center gap-2 text-sm sm:col-span-1 sm:justify-end">
                      <span className="whitespace-nowrap tabular-nums">
                        <span className="text-muted">Index </span>
                        {formatIndex(leverageIndex(mix))}
                      </span>
                      <span className="text-muted whitespace-nowrap tabular-nums">{formatPercent(aiExposure(mix))} exposed</span>
                      <ExposureBadge exposureClass={exposureClass(mix)} />
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Card>
    </>
  );
}
