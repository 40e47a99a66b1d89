import type { LabelSource } from "@/lib/ladder";

const SOURCES = [
  ["human", "Annotators' (default)"],
  ["gpt4", "GPT-4's"],
] as const;

/** Whose exposure labels are shown: the human annotators' or GPT-4's. */
export function LabelSourceFieldset({
  source,
  onChange,
}: {
  source: LabelSource;
  onChange: (source: LabelSource) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Exposure labels shown</legend>
      <div className="mt-1 flex flex-wrap gap-4 text-sm">
        {SOURCES.map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="labelSourceChoice"
              value={value}
              checked={source === value}
              onChange={() => onChange(value)}
            />
            {label}
          </label>
        ))}
      </div>
      <p className="text-muted mt-1 text-xs">
        E0 no exposure · E1 an LLM alone halves the task&apos;s time · E2 that needs software built on an LLM. T0–T4:
        how fully GPT-4 judged the task could be automated.
      </p>
    </fieldset>
  );
}
