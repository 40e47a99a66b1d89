import { RESEARCH_ATTRIBUTION } from "@/lib/ladder";

/** The credit owed wherever O*NET task statements or the exposure labels appear. */
export function ResearchAttribution({ className = "" }: { className?: string }) {
  return (
    <p className={`text-muted text-xs ${className}`} data-testid="research-attribution">
      Source: {RESEARCH_ATTRIBUTION} (O*NET statements under CC BY 4.0; labels under the MIT License).
    </p>
  );
}
