import { ExposureBadge } from "@/components/exposure-badge";
import { LevelLegend, LevelMixBar } from "@/components/level-mix-bar";
import type { AssessmentDraftValues } from "@/lib/assessment-schema";
import {
  aiExposure,
  CAPABILITIES,
  exposureClass,
  formatIndex,
  formatPercent,
  isCompleteMix,
  LEVELS,
  type LevelMix,
  leverageIndex,
  RATING_ANCHORS,
  SHARE_KEYS,
} from "@/lib/ladder";

/** An assessment's content, read-only: what was submitted, as the form showed it. */
export function AssessmentSummary({
  values,
  title = "Your answers",
}: {
  values: AssessmentDraftValues;
  title?: string;
}) {
  const mix = isCompleteMix(values.mix as LevelMix) ? (values.mix as LevelMix) : null;
  return (
    <fieldset className="space-y-6" aria-label={title}>
      <div>
        <h3 className="text-sm font-semibold">Level mix</h3>
        {mix ? (
          <>
            <div className="mt-2">
              <LevelMixBar mix={mix} label="Level mix" />
            </div>
            <div className="mt-2">
              <LevelLegend />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
              {LEVELS.map((level, i) => (
                <div key={level.key} className="flex justify-between gap-2 sm:block">
                  <dt className="text-muted">{level.name}</dt>
                  <dd className="font-medium tabular-nums">{formatPercent(mix[SHARE_KEYS[i]!])}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              <span>
                Leverage index <strong className="tabular-nums">{formatIndex(leverageIndex(mix))}</strong>
              </span>
              <span>
                AI exposure <strong className="tabular-nums">{formatPercent(aiExposure(mix))}</strong>
              </span>
              <ExposureBadge exposureClass={exposureClass(mix)} />
            </p>
          </>
        ) : (
          <p className="text-muted text-sm">Not complete yet.</p>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold">Tasks</h3>
        <ol className="mt-2 space-y-1 text-sm">
          {values.tasks
            .map((task, i) => ({ ...task, number: i + 1 }))
            .map((task) => {
              const level = task.level ? LEVELS[task.level - 1] : null;
              return (
                <li key={task.number} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-muted tabular-nums">{task.number}.</span>
                  <span className="flex-1">{task.text}</span>
                  {level && (
                    <span className="inline-flex items-center gap-1 text-xs">
                      <span className="h-2.5 w-2.5 rounded-sm" style={{ background: level.color }} aria-hidden="true" />
                      {level.level} · {level.name}
                    </span>
                  )}
                  {task.aiUsed && <span className="rounded-full border border-line px-2 text-xs">AI used</span>}
                </li>
              );
            })}
        </ol>
      </div>
      <div>
        <h3 className="text-sm font-semibold">Durable capabilities</h3>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {CAPABILITIES.map((c) => {
            const rating = values.ratings[c.key];
            return (
              <div key={c.key} className="flex justify-between gap-3">
                <dt className="text-muted">{c.name}</dt>
                <dd className="text-right">
                  <span className="font-medium">{rating ?? "—"}</span>
                  <span className="sr-only"> of 5</span>
                  {rating && <span className="text-muted block text-xs">{RATING_ANCHORS[rating - 1]?.label}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
      {values.notes && (
        <div>
          <h3 className="text-sm font-semibold">Notes and evidence</h3>
          <p className="mt-1 whitespace-pre-line text-sm">{values.notes}</p>
        </div>
      )}
    </fieldset>
  );
}
