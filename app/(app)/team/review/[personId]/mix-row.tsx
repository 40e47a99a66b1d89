import { LevelMixBar } from "@/components/level-mix-bar";
import { formatIndex, type LevelMix, leverageIndex } from "@/lib/ladder";

export function MixRow({ label, mix }: { label: string; mix: LevelMix }) {
  return (
    <li className="grid grid-cols-[7.5rem_1fr_3rem] items-center gap-3 text-sm">
      <span>{label}</span>
      <LevelMixBar mix={mix} label={label} />
      <span className="text-right tabular-nums">{formatIndex(leverageIndex(mix))}</span>
    </li>
  );
}
