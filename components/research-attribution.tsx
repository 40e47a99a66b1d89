import { RESEARCH_ATTRIBUTION, WORKING_WITH_AI_ATTRIBUTION } from "@/lib/ladder";

/** The credit owed wherever O*NET task statements, the exposure labels or the applicability scores appear. */
export function ResearchAttribution({
  className = "",
  workingWithAi = false,
}: {
  className?: string;
  /** Also credit Microsoft Research's "Working with AI" scores, where they are shown. */
  workingWithAi?: boolean;
}) {
  return (
    <div className={`text-muted text-xs ${className}`} data-testid="research-attribution">
      <p>Source: {RESEARCH_ATTRIBUTION} (O*NET statements under CC BY 4.0; labels under the MIT License).</p>
      {workingWithAi && <p>{WORKING_WITH_AI_ATTRIBUTION}.</p>}
    </div>
  );
}
