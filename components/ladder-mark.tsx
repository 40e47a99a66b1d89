import { LEVELS } from "@/lib/ladder";

/** The product mark: five rising bars in the level colours. */
export function LadderMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" className={className} aria-hidden="true">
      {LEVELS.map((level, i) => (
        <rect
          key={level.key}
          x={3 + i * 7.2}
          y={32 - (i + 1) * 5.6}
          width={5.6}
          height={(i + 1) * 5.6 + 3}
          rx={1.5}
          fill={level.color}
        />
      ))}
    </svg>
  );
}
