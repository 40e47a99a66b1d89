import { LEVELS, type LevelMix, SHARE_KEYS } from "@/lib/ladder";

/** One person's or group's level mix as a bar, level 1 on the left, with its numbers for screen readers. */
export function LevelMixBar({ mix, label }: { mix: LevelMix; label: string }) {
  const description = LEVELS.map((l, i) => `${l.name} ${Math.round(mix[SHARE_KEYS[i]!])}%`).join(", ");
  return (
    <div
      role="img"
      aria-label={`${label}: ${description}`}
      className="flex h-3 w-full overflow-hidden rounded-full bg-black/5 dark:bg-white/10"
    >
      {LEVELS.map((level, i) => {
        const share = mix[SHARE_KEYS[i]!];
        return share > 0 ? (
          <span
            key={level.key}
            title={`${level.name}: ${Math.round(share)}%`}
            style={{ width: `${share}%`, background: level.color }}
          />
        ) : null;
      })}
    </div>
  );
}

export function LevelLegend() {
  return (
    <ul className="text-muted flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {LEVELS.map((level) => (
        <li key={level.key} className="flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm" style={{ background: level.color }} aria-hidden="true" />
          {level.level}. {level.name}
        </li>
      ))}
    </ul>
  );
}
