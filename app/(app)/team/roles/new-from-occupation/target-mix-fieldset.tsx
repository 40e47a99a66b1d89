import { LevelMixBar } from "@/components/level-mix-bar";
import { aiExposure, formatPercent, LEVELS, SHARE_KEYS } from "@/lib/ladder";
import type { ProposedMix } from "./use-occupation-tasks";

type FieldErrors = Partial<Record<string, string[]>>;

/** The role's target mix: proposed from the kept tasks, editable, with its total and AI exposure. */
export function TargetMixFieldset({ mix, errors }: { mix: ProposedMix; errors: FieldErrors }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Target level mix</legend>
      <p className="text-muted mt-1 text-xs">
        {mix.edited ? "Edited by you." : "Proposed from the kept tasks' levels: each level's share of the tasks."} Whole
        percents, summing to 100.
      </p>
      <div className="mt-2 grid grid-cols-5 gap-2">
        {LEVELS.map((l) => {
          const key = SHARE_KEYS[l.level - 1]!;
          return (
            <div key={key}>
              <label htmlFor={`mix-${key}`} className="block text-xs font-medium">
                <span
                  className="mr-1 inline-block h-2 w-2 rounded-full"
                  style={{ background: l.color }}
                  aria-hidden="true"
                />
                L{l.level}
                <span className="sr-only"> {l.name}</span>
              </label>
              <input
                id={`mix-${key}`}
                name={`mix.${key}`}
                inputMode="numeric"
                value={mix.text[key]}
                onChange={(e) => mix.edit(key, e.target.value)}
                className="input mt-1 tabular-nums"
                aria-invalid={Boolean(errors.mix || errors[`mix.${key}`])}
                aria-describedby="mix-status"
              />
            </div>
          );
        })}
      </div>
      <div className="mt-2">
        <LevelMixBar mix={mix.numbers} label="Target level mix" />
      </div>
      <p id="mix-status" className="mt-1 text-sm" aria-live="polite">
        Total {mix.total}%{mix.total !== 100 ? " — must be exactly 100%" : ""} · AI exposure E ={" "}
        {formatPercent(aiExposure(mix.numbers))}
        {mix.edited && (
          <button type="button" className="ml-3 underline" onClick={mix.reset}>
            Use the proposed mix again
          </button>
        )}
      </p>
      {(errors.mix || SHARE_KEYS.some((k) => errors[`mix.${k}`])) && (
        <p className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors.mix?.[0] ?? SHARE_KEYS.map((k) => errors[`mix.${k}`]?.[0]).find(Boolean)}
        </p>
      )}
    </fieldset>
  );
}
