"use client";

import { AssessmentSummary } from "@/components/assessment-form/assessment-summary";
import { useSavedAssessment } from "@/components/assessment-form/saved-assessment";
import { Card } from "@/components/ui/card";

const savedAtFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

/** The status line: as the page loaded it, then as the last save left it. */
export function SelfAssessmentStatus({ loaded }: { loaded: string }) {
  const saved = useSavedAssessment();
  if (!saved) return loaded;
  return `${saved.intent === "submit" ? "Submitted" : "Draft saved"} ${savedAtFormat.format(saved.savedAt)}`;
}

/** The form until it is submitted; then, read-only, what was submitted. */
export function FormUntilSubmitted({ children, description }: { children: React.ReactNode; description: string }) {
  const saved = useSavedAssessment();
  if (saved?.intent !== "submit") return children;
  return (
    <Card title="What you submitted" description={description}>
      <AssessmentSummary values={saved.values} />
    </Card>
  );
}
