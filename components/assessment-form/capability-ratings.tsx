"use client";

import { FieldError } from "@/components/ui/field-error";
import type { AssessmentDraftValues } from "@/lib/assessment-schema";
import { CAPABILITIES, CAPABILITY_DESCRIPTIONS, type CapabilityKey, RATING_ANCHORS } from "@/lib/ladder";
import { errorIdFor, fieldId } from "./field-ids";

type Ratings = AssessmentDraftValues["ratings"];

export function CapabilityRatings({
  prefix,
  ratings,
  onChange,
  errors,
  disabled,
}: {
  prefix: string;
  ratings: Ratings;
  onChange: (ratings: Ratings) => void;
  errors: Partial<Record<string, string[]>>;
  disabled?: boolean;
}) {
  return (
    <div className="space-y-6">
      {CAPABILITIES.map((capability) => (
        <CapabilityRating
          key={capability.key}
          prefix={prefix}
          capabilityKey={capability.key}
          name={capability.name}
          value={ratings[capability.key]}
          onChange={(value) => onChange({ ...ratings, [capability.key]: value })}
          errors={errors[`ratings.${capability.key}`]}
          disabled={disabled}
        />
      ))}
    </div>
  );
}

function CapabilityRating({
  prefix,
  capabilityKey,
  name,
  value,
  onChange,
  errors,
  disabled,
}: {
  prefix: string;
  capabilityKey: CapabilityKey;
  name: string;
  value: number | null;
  onChange: (value: number) => void;
  errors?: string[];
  disabled?: boolean;
}) {
  const firstId = fieldId(prefix, `ratings.${capabilityKey}`)!;
  const errorId = errorIdFor(firstId);
  const hintId = `${prefix}-rating-${capabilityKey}-hint`;
  return (
    <fieldset disabled={disabled} aria-describedby={errors ? `${hintId} ${errorId}` : hintId}>
      <legend className="text-sm font-medium">{name}</legend>
      <p id={hintId} className="text-muted text-xs">
        {CAPABILITY_DESCRIPTIONS[capabilityKey]}
      </p>
      <div className="mt-2 grid gap-1.5 sm:grid-cols-5 sm:gap-2">
        {RATING_ANCHORS.map((anchor) => {
          const id = `${prefix}-rating-${capabilityKey}-${anchor.value}`;
          const checked = value === anchor.value;
          return (
            <label
              key={anchor.value}
              htmlFor={id}
              className={`flex cursor-pointer items-start gap-2 rounded-md border px-2 py-1.5 text-xs sm:p-2 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-[var(--color-accent)] ${
                checked ? "border-[var(--color-accent)] bg-[var(--color-accent)]/10" : "border-line"
              } ${errors ? "border-red-700 dark:border-red-400" : ""}`}
            >
              <input
                id={id}
                type="radio"
                name={`${prefix}-rating-${capabilityKey}`}
                value={anchor.value}
                checked={checked}
                onChange={() => onChange(anchor.value)}
                className="mt-0.5"
              />
              <span>
                <span className="mr-1.5 text-sm font-semibold sm:mr-0 sm:block">{anchor.value}</span>
                {anchor.label}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} messages={errors} />
    </fieldset>
  );
}
