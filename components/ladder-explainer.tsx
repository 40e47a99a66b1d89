import { LEVELS } from "@/lib/ladder";

/** The five levels with their meaning and the source text's examples. */
export function LadderExplainer() {
  return (
    <ol className="space-y-3">
      {[...LEVELS].reverse().map((level) => (
        <li key={level.key} className="flex gap-3">
          <span
            className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-md text-xs font-bold text-white"
            style={{ background: level.color }}
            aria-hidden="true"
          >
            {level.level}
          </span>
          <div>
            <p className="text-sm font-medium">
              <span className="sr-only">Level {level.level}: </span>
              {level.name}
            </p>
            <p className="text-muted text-sm">
              {level.summary} For example: {level.examples.join(", ")}.
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
