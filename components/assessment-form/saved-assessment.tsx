"use client";

import { createContext, useContext, useState } from "react";
import type { AssessmentDraftValues } from "@/lib/assessment-schema";

/** What the form last saved: the button pressed, when, and the answers as sent. */
export type SavedAssessment = { intent: string; savedAt: Date; values: AssessmentDraftValues };

const SavedAssessmentContext = createContext<{
  saved: SavedAssessment | null;
  report: (saved: SavedAssessment) => void;
} | null>(null);

/**
 * Lets the parts of a page around an assessment form show what was just saved (the status line, the
 * read-only view after submitting, the compared mixes) from the action's answer, so a save need not
 * re-render the whole page on the server.
 */
export function SavedAssessmentProvider({ children }: { children: React.ReactNode }) {
  const [saved, report] = useState<SavedAssessment | null>(null);
  return <SavedAssessmentContext value={{ saved, report }}>{children}</SavedAssessmentContext>;
}

/** The last save of the form in this provider, or null before the first. */
export function useSavedAssessment() {
  return useContext(SavedAssessmentContext)?.saved ?? null;
}

/** Tells the provider, if there is one, what the form saved. */
export function useReportSaved() {
  return useContext(SavedAssessmentContext)?.report;
}
