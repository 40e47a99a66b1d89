import type { Metadata } from "next";
import { ExposureBadge } from "@/components/exposure-badge";
import { LadderExplainer } from "@/components/ladder-explainer";
import { LevelLegend, LevelMixBar } from "@/components/level-mix-bar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myAssessmentsByCycle } from "@/db/queries/my-assessments";
import { requireRole } from "@/lib/dal";
import { calendarDate, dateFormatters } from "@/lib/locale";
import { aiExposure, exposureClass, formatIndex, formatPercent, leverageIndex } from "@/lib/ladder";

export const metadata: Metadata = { title: "My assessment" };

function selfStatusText(
  self: { status: string; updatedAt: Date; submittedAt: Date | null } | null,
  dateTimeFormat: Intl.DateTimeFormat,
) {
  if (!self) return "Not started";
  if (self.status === "draft") return `Draft saved ${dateTimeFormat.format(self.updatedAt)}`;
  if (self.status === "returned") return "Returned by your manager for changes";
  if (self.status === "finalized") return "Reviewed and finalized";
  return self.submittedAt ? `Submitted ${dateTimeFormat.format(self.submittedAt)}` : "Submitted";
}

export default async function MyAssessmentPage() {
  const actor = await requireRole("employee", "manager");
  const [cycles, formats] = await Promise.all([myAssessmentsByCycle(actor), dateFormatters()]);
  const open = cycles.find((c) => c.cycleStatus === "open");
  const history = cycles.filter((c) => c.cycleStatus === "closed" && (c.manager?.mix || c.self?.mix)).reverse();

  return (
    <>
      <PageHeader title="My assessment" description="Each quarter you describe where your working time sits on the leverage ladder." />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card title={open ? `${open.cycleName} self-assessment` : "No open review cycle"}>
            {open ? (
              <dl className="grid gap-4 sm:grid-cols-2">
                <div>
                  <dt className="text-muted text-sm">Status</dt>
                  <dd className="mt-1 font-medium">{selfStatusText(open.self, formats.dateTime)}</dd>
                </div>
                <div>
                  <dt className="text-muted text-sm">Deadline</dt>
                  <dd className="mt-1 font-medium">{formats.date.format(calendarDate(open.endsOn))}</dd>
                </div>
                {open.self?.mix && (
                  <div className="sm:col-span-2">
                    <dt className="text-muted text-sm">Your level mix so far · leverage index {formatIndex(leverageIndex(open.self.mix))}</dt>
                    <dd className="mt-2">
                      <LevelMixBar mix={open.self.mix} label={`Your ${open.cycleName} level mix`} />
                    </dd>
                  </div>
                )}
              </dl>
            ) : (
              <p className="text-muted">Your administrator opens a cycle each quarter. Your past quarters are below.</p>
            )}
          </Card>

          <Card title="My history" description="The figures that count for each quarter: your manager's final review where there is one, else your own.">
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
                          <span className="whitespace-nowrap tabular-nums" title="Leverage index">
                            <span className="text-muted">Index </span>
                            {formatIndex(leverageIndex(mix))}
                          </span>
                          <span className="text-muted whitespace-nowrap tabular-nums" title="AI exposure">
                            {formatPercent(aiExposure(mix))} exposed
                          </span>
                          <ExposureBadge exposureClass={exposureClass(mix)} />
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </Card>
        </div>
        <Card title="The leverage ladder" description="AI speeds up execution, so the value of work moves up the ladder.">
          <LadderExplainer />
        </Card>
      </div>
    </>
  );
}
