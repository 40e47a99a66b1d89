import { useEffect, useRef, useState } from "react";
import { LEVELS, type LevelMix, SHARE_KEYS } from "@/lib/ladder";
import type { RoleEditorValues } from "@/lib/role-schema";

export type Task = RoleEditorValues["tasks"][number] & { key: number };

function toNumber(value: string) {
  const n = Number(value);
  return value.trim() === "" || !Number.isFinite(n) ? 0 : n;
}

/**
 * The role being edited, as typed: its fields, the target mix (as text and as numbers) and the tasks,
 * each with a stable key. A task added is focused; a task moved to another level is announced.
 */
export function useRoleDraft(initial: RoleEditorValues, teams: { id: number }[]) {
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [teamId, setTeamId] = useState(initial.teamId ?? teams[0]?.id ?? 0);
  const [target, setTarget] = useState(initial.target);
  const nextKey = useRef(initial.tasks.length);
  const [tasks, setTasks] = useState<Task[]>(() => initial.tasks.map((t, i) => ({ ...t, key: i })));
  const [announcement, setAnnouncement] = useState("");
  const focusKey = useRef<number | null>(null);

  // After the render that shows a new task, its text box takes the focus.
  useEffect(() => {
    if (focusKey.current === null) return;
    document.getElementById(`task-${focusKey.current}-text`)?.focus();
    focusKey.current = null;
  });

  const mix: LevelMix = {
    s1: toNumber(target.s1),
    s2: toNumber(target.s2),
    s3: toNumber(target.s3),
    s4: toNumber(target.s4),
    s5: toNumber(target.s5),
  };
  const total = SHARE_KEYS.reduce((sum, k) => sum + mix[k], 0);
  const balanced = total === 100 && SHARE_KEYS.every((k) => Number.isInteger(mix[k]) && mix[k] >= 0);

  function setShare(key: keyof LevelMix, value: string) {
    setTarget((t) => ({ ...t, [key]: value }));
  }

  function addTask(level: number) {
    const key = nextKey.current++;
    focusKey.current = key;
    setTasks((all) => [...all, { key, text: "", level }]);
  }

  function moveTask(key: number, level: number) {
    setTasks((all) => all.map((t) => (t.key === key ? { ...t, level } : t)));
    const task = tasks.find((t) => t.key === key);
    const name = LEVELS[level - 1]?.name;
    if (task && name) setAnnouncement(`Moved “${task.text || "new task"}” to level ${level}, ${name}.`);
  }

  function setTaskText(key: number, text: string) {
    setTasks((all) => all.map((x) => (x.key === key ? { ...x, text } : x)));
  }

  function removeTask(key: number) {
    setTasks((all) => all.filter((t) => t.key !== key));
  }

  return {
    title,
    setTitle,
    description,
    setDescription,
    teamId,
    setTeamId,
    target,
    setShare,
    mix,
    total,
    balanced,
    tasks,
    announcement,
    addTask,
    moveTask,
    setTaskText,
    removeTask,
  };
}

export type RoleDraft = ReturnType<typeof useRoleDraft>;
