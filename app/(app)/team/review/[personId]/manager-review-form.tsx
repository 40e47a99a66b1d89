"use client";

import { useState } from "react";
import {
  AssessmentForm,
  type AssessmentFormAction,
  type FormCheck,
} from "@/components/assessment-form/assessment-form";
import { type AssessmentDraftValues, REVIEW_INCOMPLETE_MESSAGE, reviewCompletionErrors } from "@/lib/assessment-schema";
import {
  CALIBRATION_THRESHOLD_POINTS,
  formatIndex,
  LEVELS,
  type LevelMix,
  largestShareDifference,
  leverageIndex,
  needsCalibration,
  SHARE_KEYS,
} from "@/lib/ladder";
import { CALIBRATION_REASON_MAX, CALIBRATION_REASON_MIN } from "@/lib/limits";

function completeMix(mix: AssessmentDraftValues["mix"]): LevelMix | null {
  if (SHARE_KEYS.some((k) => mix[k] === null || !Number.isInteger(mix[k]))) return null;
  const m = mix as LevelMix;
  return SHARE_KEYS.reduce((sum, k) => sum + m[k], 0) === 100 ? m : null;
}

/**
 * The manager's own assessment: the employee's instrument, pre-filled (from the manager's draft,
 * else the self-assessment's mix and tasks; ratings start blank), with a calibration reason that becomes required as soon as the
 * manager's level mix departs from the employee's by more than the threshold at any level.
 */
export function ManagerReviewForm({
  action,
  personId,
  personName,
  initialValues,
  version,
  assessmentId,
  selfMix,
  prefilledFromSelf,
  afterSave,
}: {
  action: AssessmentFormAction;
  personId: number;
  personName: string;
  initialValues: AssessmentDraftValues;
  version: number;
  assessmentId: number | null;
  selfMix: LevelMix | null;
  prefilledFromSelf: boolean;
  /** Shown once the review is saved: the way on to the next report needing attention. */
  afterSave: React.ReactNode;
}) {
  const [reason, setReason] = useState("");
  const firstName = personName.split(" ")[0];
  // Save review and Finalize are refused by the server for the same reasons (db/queries/reviews.ts).
  const reviewCheck: FormCheck = (values) => {
    const fieldErrors = reviewCompletionErrors(values, selfMix, reason);
    return Object.keys(fieldErrors).length > 0 ? { message: REVIEW_INCOMPLETE_MESSAGE, fieldErrors } : null;
  };
  return (
    <AssessmentForm
      prefix="mgr"
      voice="manager"
      afterSave={afterSave}
      action={action}
      initialValues={initialValues}
      version={version}
      assessmentId={assessmentId}
      hiddenFields={{ personId, calibrationReason: reason }}
      submitLabel="Save review"
      submitCheck={reviewCheck}
      extraActions={[
        {
          value: "finalize",
          label: "Finalize",
          pendingLabel: "Finalizing…",
          check: reviewCheck,
          confirm: {
            title: `Finalize ${personName}'s review?`,
            body: (
              <>
                <p>
                  Your level mix, tasks and ratings become {firstName}&apos;s final figures for this cycle, and both{" "}
                  {firstName}&apos;s self-assessment and your review become read-only: neither of you can change them
                  afterwards.
                </p>
                <p className="text-muted mt-2">
                  {firstName} is told in their notifications and by mail. Not sure yet? Cancel and use Save review.
                </p>
              </>
            ),
            confirmLabel: "Lock both assessments",
          },
        },
      ]}
      submitNote="Save review records your view; Finalize locks both assessments for this cycle."
      taskNote={
        prefilledFromSelf ? (
          <p className="text-muted mb-3 text-sm">
            Pre-filled from {firstName}&apos;s self-assessment as a starting point: the level mix and tasks — change
            what you see differently. The capability ratings start blank on purpose: pre-filled ratings invite
            rubber-stamping, so rate each from what you observed.
          </p>
        ) : null
      }
      beforeActions={({ mix, errors }) => {
        const managerMix = completeMix(mix);
        const differs = selfMix && managerMix ? needsCalibration(selfMix, managerMix) : false;
        const largest = selfMix && managerMix ? largestShareDifference(selfMix, managerMix) : 0;
        const serverError = errors.calibrationReason;
        const where =
          selfMix && managerMix
            ? LEVELS[SHARE_KEYS.findIndex((k) => Math.abs(selfMix[k] - managerMix[k]) === largest)]
            : null;
        return (
          <section aria-labelledby="mgr-calibration-heading" className="surface rounded-xl p-5 shadow-sm">
            <h2 id="mgr-calibration-heading" className="text-base font-semibold">
              5. Calibration
            </h2>
            <p className="text-muted mt-1 text-sm" id="mgr-calibration-help">
              {!selfMix
                ? `There is no submitted self-assessment to calibrate against: your figures stand on their own.`
                : differs && where
                  ? `Your level mix differs from ${firstName}'s by ${largest} points at ${where.name} (index ${formatIndex(leverageIndex(managerMix!))} against ${formatIndex(leverageIndex(selfMix))}). Say why — ${firstName} and the record will see this reason.`
                  : `A reason is needed when your level mix differs from ${firstName}'s by more than ${CALIBRATION_THRESHOLD_POINTS} points at any level.${managerMix ? " It does not now." : ""}`}
            </p>
            {selfMix && (
              <div className="mt-3">
                <label htmlFor="mgr-calibration-reason" className="text-sm font-medium">
                  Reason for your changes
                  {differs ? ` (required, at least ${CALIBRATION_REASON_MIN} characters)` : " (optional)"}
                </label>
                <textarea
                  id="mgr-calibration-reason"
                  rows={3}
                  maxLength={CALIBRATION_REASON_MAX}
                  className="input mt-1"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  aria-describedby="mgr-calibration-help mgr-calibration-reason-error"
                  aria-invalid={
                    Boolean(serverError) ||
                    (differs && reason.trim().length > 0 && reason.trim().length < CALIBRATION_REASON_MIN)
                  }
                />
                <p
                  id="mgr-calibration-reason-error"
                  className={`mt-1 text-xs ${serverError ? "font-medium text-red-700 dark:text-red-300" : "text-muted"}`}
                  aria-live="polite"
                >
                  {serverError?.join(" ") ??
                    (differs ? `${reason.trim().length} of at least ${CALIBRATION_REASON_MIN} characters` : "")}
                </p>
              </div>
            )}
          </section>
        );
      }}
    />
  );
}
