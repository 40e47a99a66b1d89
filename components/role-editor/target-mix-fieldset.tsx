import { ExposureBadge } from "@/components/exposure-badge";
import { LevelMixBar } from "@/components/level-mix-bar";
import { FieldError, type FieldErrors } from "@/components/ui/field-error";
import { aiExposure, exposureClass, formatIndex, formatPercent, LEVELS, leverageIndex, SHARE_KEYS } from "@/lib/ladder";
import type { RoleDraft } from "./use-role-draft";

/** The five target shares, their bar and a live total with the leverage index and AI exposure. */
export function TargetMixFieldset({ draft, errors }: { draft: RoleDraft; errors: FieldErrors }) {
  const { mix, total, balanced } = draft;
  return (
    <fieldset className="space-y-3" aria-describedby="target-summary target-error">
      <legend className="text-base font-semibold">Target level mix</legend>
      <p className="text-muted text-sm">
        Where you want this role&apos;s working time to sit, in whole percents adding up to 100.
      </p>
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-5">
        {LEVELS.map((level, i) => {
          const key = SHARE_KEYS[i]!;
          const fieldErrors = errors[key];
          return (
            <div key={level.key}>
              <label htmlFor={`target-${key}`} className="flex items-center gap-1.5 text-sm font-medium">
                <span
                  className="h-2.5 w-2.5 shrink-0 rounded-sm"
                  style={{ background: level.color }}
                  aria-hidden="true"
                />
                {level.level}. {level.name}
              </label>
              <div className="relative mt-1">
                <input
                  id={`target-${key}`}
                  name={key}
                  inputMode="numeric"
                  className="input pr-8 text-right tabular-nums"
                  value={draft.target[key]}
                  onChange={(e) => draft.setShare(key, e.target.value)}
                  aria-invalid={Boolean(fieldErrors || errors.target)}
                  aria-describedby={fieldErrors ? `target-${key}-error` : undefined}
                />
                <span
                  className="text-muted pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm"
                  aria-hidden="true"
                >
                  %
                </span>
              </div>
              <FieldError id={`target-${key}-error`} messages={fieldErrors} />
            </div>
          );
        })}
      </div>
      <LevelMixBar mix={mix} label="Target level mix" />
      <p id="target-summary" className="text-sm" aria-live="polite">
        <span className={balanced ? "font-medium" : "font-medium text-red-700 dark:text-red-400"}>
          Total {formatPercent(total)}
        </span>
        {balanced ? (
          <span className="text-muted">
            {" "}
            · leverage index {formatIndex(leverageIndex(mix))} · AI exposure {formatPercent(aiExposure(mix))} ·{" "}
          </span>
        ) : (
          <span className="text-muted"> · needs to be exactly 100%</span>
        )}
        {balanced && <ExposureBadge exposureClass={exposureClass(mix)} />}
      </p>
      <FieldError id="target-error" messages={errors.target} />
    </fieldset>
  );
}
