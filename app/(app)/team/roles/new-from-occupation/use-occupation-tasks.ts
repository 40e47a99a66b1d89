import { useMemo, useState } from "react";
import type { OccupationTaskRow } from "@/db/queries/occupations";
import {
  type LabelSource,
  type LadderLevel,
  type LevelMix,
  mixFromTaskLevels,
  representativeTaskIds,
  SHARE_KEYS,
  suggestedLevel,
} from "@/lib/ladder";
import { ROLE_TASKS_MAX } from "@/lib/limits";

export type TaskState = { id: number; include: boolean; level: LadderLevel; touched: boolean };

export function labelOf(task: OccupationTaskRow, source: LabelSource) {
  return source === "human" ? task.humanExposure : task.gpt4Exposure;
}

/**
 * The occupation's tasks as the manager picks them: which are kept and on which level. Levels the
 * manager has not touched follow the suggestion from the exposure labels shown.
 */
export function useOccupationTasks(tasks: OccupationTaskRow[]) {
  const [source, setSource] = useState<LabelSource>("human");
  // Core (and untyped) tasks start ticked; past the most a role holds, those that keep the occupation's exposure mix.
  const [ticked] = useState(() =>
    representativeTaskIds(
      tasks.map((t) => ({ id: t.id, label: t.humanExposure, taskType: t.taskType })),
      ROLE_TASKS_MAX,
    ),
  );
  const [taskStates, setTaskStates] = useState<TaskState[]>(() =>
    tasks.map((t) => ({
      id: t.id,
      include: ticked.has(t.id),
      level: suggestedLevel({ exposure: t.humanExposure, automation: t.gpt4Automation, statement: t.statement }).level,
      touched: false,
    })),
  );
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);

  function changeSource(next: LabelSource) {
    setSource(next);
    setTaskStates((current) =>
      current.map((t) => {
        const task = byId.get(t.id)!;
        return t.touched
          ? t
          : {
              ...t,
              level: suggestedLevel({
                exposure: labelOf(task, next),
                automation: task.gpt4Automation,
                statement: task.statement,
              }).level,
            };
      }),
    );
  }

  function updateTask(id: number, change: Partial<TaskState>) {
    setTaskStates((current) => current.map((t) => (t.id === id ? { ...t, ...change } : t)));
  }

  const included = taskStates.filter((t) => t.include);
  return { source, changeSource, taskStates, byId, included, updateTask, ticked };
}

export type OccupationTasks = ReturnType<typeof useOccupationTasks>;

type MixText = Record<keyof LevelMix, string>;

/** The target mix: proposed from the kept tasks' levels until the manager types their own. */
export function useProposedMix(levels: LadderLevel[]) {
  const [override, setOverride] = useState<MixText | null>(null);
  const proposed = mixFromTaskLevels(levels);
  const text: MixText =
    override ??
    (proposed
      ? { s1: `${proposed.s1}`, s2: `${proposed.s2}`, s3: `${proposed.s3}`, s4: `${proposed.s4}`, s5: `${proposed.s5}` }
      : { s1: "0", s2: "0", s3: "0", s4: "0", s5: "0" });
  const numbers = Object.fromEntries(SHARE_KEYS.map((k) => [k, Number(text[k]) || 0])) as LevelMix;
  const total = SHARE_KEYS.reduce((sum, k) => sum + numbers[k], 0);
  return {
    text,
    numbers,
    total,
    edited: override !== null,
    edit: (key: keyof LevelMix, value: string) => setOverride({ ...text, [key]: value }),
    reset: () => setOverride(null),
  };
}

export type ProposedMix = ReturnType<typeof useProposedMix>;
