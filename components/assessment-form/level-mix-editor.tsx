"use client";

import { ExposureBadge } from "@/components/exposure-badge";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { type AssessmentDraftValues, shareTotalMessage } from "@/lib/assessment-schema";
import {
  aiExposure,
  balanceMix,
  exposureClass,
  formatIndex,
  formatPercent,
  LEVELS,
  type LevelMix,
  leverageIndex,
  SHARE_KEYS,
  typedTotal,
} from "@/lib/ladder";
import { errorIdFor, fieldId } from "./field-ids";

type Mix = AssessmentDraftValues["mix"];
type ShareKey = (typeof SHARE_KEYS)[number];

function parseShare(raw: string): number | null {
  if (raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

export function LevelMixEditor({
  prefix,
  mix,
  onChange,
  errors,
  disabled,
  whose = "your",
}: {
  prefix: string;
  /** Whose working time the mix describes: "your" for the employee, "this person's" for the manager. */
  whose?: string;
  mix: Mix;
  onChange: (mix: Mix) => void;
  errors: Partial<Record<string, string[]>>;
  disabled?: boolean;
}) {
  const total = typedTotal(mix);
  const allFilled = SHARE_KEYS.every((k) => mix[k] !== null && Number.isInteger(mix[k]));
  const complete = allFilled && total === 100 && SHARE_KEYS.every((k) => mix[k]! >= 0 && mix[k]! <= 100);
  const totalMessage = shareTotalMessage(total);
  const totalErrorId = errorIdFor(`${prefix}-share-total`);
  const set = (key: ShareKey, value: number | null) => onChange({ ...mix, [key]: value });

  return (
    <fieldset disabled={disabled} className="space-y-4">
      <legend className="sr-only">Level mix: the share of {whose} working time at each level</legend>
      <ul className="space-y-4">
        {[...LEVELS].map((level, i) => {
          const key = SHARE_KEYS[i]!;
          const inputId = fieldId(prefix, `mix.${key}`)!;
          const errorId = errorIdFor(inputId);
          const fieldErrors = errors[`mix.${key}`];
          const value = mix[key];
          return (
            <li
              key={level.key}
              className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,16rem)_1fr_6.5rem] sm:items-center"
            >
              <div>
                <label htmlFor={inputId} className="flex items-center gap-2 text-sm font-medium">
                  <span
                    className="flex h-5 w-5 shrink-0 items-center justify-center rounded text-xs font-bold text-white"
                    style={{ background: level.color }}
                    aria-hidden="true"
                  >
                    {level.level}
                  </span>
                  <span>
                    <span className="sr-only">Level {level.level}, </span>
                    {level.name}
                    <span className="sr-only"> share, percent</span>
                  </span>
                </label>
                <p id={`${inputId}-hint`} className="text-muted mt-0.5 text-xs">
                  {level.summary} E.g. {level.examples.slice(0, 2).join(", ")}.
                </p>
              </div>
              <div className="flex items-center gap-3 sm:contents">
                <input
                  type="range"
                  min={0}
                  max={100}
                  step={1}
                  value={value !== null && Number.isFinite(value) ? value : 0}
                  onChange={(e) => set(key, Number(e.target.value))}
                  aria-label={`${level.name} share, slider`}
                  aria-valuetext={`${value ?? 0}%`}
                  className="min-w-0 flex-1"
                  style={{ accentColor: "var(--color-accent)" }}
                />
                <div className="flex w-28 shrink-0 items-center gap-1 sm:w-auto">
                  <input
                    id={inputId}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    value={value ?? ""}
                    onChange={(e) => set(key, parseShare(e.target.value))}
                    aria-invalid={Boolean(fieldErrors) || undefined}
                    aria-describedby={describedBy(`${inputId}-hint`, fieldErrors && errorId)}
                    className="input w-20 text-right tabular-nums"
                  />
                  <span aria-hidden="true" className="text-muted text-sm">
                    %
                  </span>
                </div>
              </div>
              <div className="sm:col-span-3">
                <FieldError id={errorId} messages={fieldErrors} />
              </div>
            </li>
          );
        })}
      </ul>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-line pt-4">
        <p id={`${prefix}-share-total`} aria-live="polite" className="text-sm">
          <span className="font-semibold tabular-nums">Total {total}%</span>
          {totalMessage ? (
            <span className="text-muted"> — {totalMessage}</span>
          ) : (
            <span className="text-muted"> — complete.</span>
          )}
        </p>
        {totalMessage && total > 0 && (
          <button
            type="button"
            onClick={() => onChange(balanceMix(mix))}
            className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:border-[var(--color-accent)]"
          >
            {total < 100
              ? `Add the remaining ${100 - total}% to the largest share`
              : `Take ${total - 100}% from the largest shares`}
          </button>
        )}
      </div>
      <FieldError id={totalErrorId} messages={errors.mix} />

      <LiveFigures mix={complete ? (mix as LevelMix) : null} />
    </fieldset>
  );
}

function LiveFigures({ mix }: { mix: LevelMix | null }) {
  return (
    <dl className="grid grid-cols-3 gap-3 rounded-lg bg-black/[0.03] p-3 text-sm dark:bg-white/[0.04]">
      <div>
        <dt className="text-muted text-xs">Leverage index</dt>
        <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="live-index">
          {mix ? formatIndex(leverageIndex(mix)) : "—"}
        </dd>
      </div>
      <div>
        <dt className="text-muted text-xs">AI exposure</dt>
        <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="live-exposure">
          {mix ? formatPercent(aiExposure(mix)) : "—"}
        </dd>
      </div>
      <div>
        <dt className="text-muted text-xs">Class</dt>
        <dd className="mt-1.5" data-testid="live-class">
          {mix ? (
            <ExposureBadge exposureClass={exposureClass(mix)} />
          ) : (
            <span className="text-muted text-xs">when the total is 100%</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
