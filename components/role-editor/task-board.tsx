import { useState } from "react";
import { FieldError, type FieldErrors } from "@/components/ui/field-error";
import { LEVELS } from "@/lib/ladder";
import { ROLE_TASKS_MAX } from "@/lib/limits";
import { TaskCard } from "./task-card";
import type { RoleDraft } from "./use-role-draft";

/** Which task is being dragged and which column it hovers over. */
function useTaskDrag(draft: RoleDraft) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropLevel, setDropLevel] = useState<number | null>(null);
  const end = () => {
    setDragging(null);
    setDropLevel(null);
  };
  return {
    dropLevel,
    start: (key: number) => setDragging(key),
    end,
    over: (level: number) => {
      if (dragging === null) return false;
      setDropLevel(level);
      return true;
    },
    leave: (level: number) => setDropLevel((l) => (l === level ? null : l)),
    drop: (level: number) => {
      if (dragging !== null) draft.moveTask(dragging, level);
      end();
    },
  };
}

type TaskDrag = ReturnType<typeof useTaskDrag>;

function TaskColumn({
  level,
  draft,
  drag,
  errors,
}: {
  level: (typeof LEVELS)[number];
  draft: RoleDraft;
  drag: TaskDrag;
  errors: FieldErrors;
}) {
  const inColumn = draft.tasks.map((t, index) => ({ t, index })).filter(({ t }) => t.level === level.level);
  const hovered = drag.dropLevel === level.level;
  return (
    <section
      aria-labelledby={`column-${level.level}`}
      onDragOver={(e) => {
        if (drag.over(level.level)) e.preventDefault();
      }}
      onDragLeave={() => drag.leave(level.level)}
      onDrop={(e) => {
        e.preventDefault();
        drag.drop(level.level);
      }}
      className={`flex min-h-32 flex-col rounded-lg border-2 p-2 ${
        hovered ? "border-[var(--color-accent)] border-dashed" : "border-line"
      }`}
      style={{ borderTopColor: hovered ? undefined : level.color }}
    >
      <h3 id={`column-${level.level}`} className="mb-2 text-sm font-semibold">
        {level.level}. {level.name}
        <span className="text-muted font-normal"> · {inColumn.length}</span>
      </h3>
      <ul className="space-y-2">
        {inColumn.map(({ t, index }) => (
          <TaskCard
            key={t.key}
            task={t}
            index={index}
            error={[...(errors[`tasks.${index}.text`] ?? []), ...(errors[`tasks.${index}.level`] ?? [])]}
            draft={draft}
            onDragStart={() => drag.start(t.key)}
            onDragEnd={drag.end}
          />
        ))}
      </ul>
      <button
        type="button"
        onClick={() => draft.addTask(level.level)}
        disabled={draft.tasks.length >= ROLE_TASKS_MAX}
        className="text-muted mt-2 rounded-md border border-dashed border-line px-2 py-1.5 text-xs font-medium hover:text-[var(--color-accent)] disabled:opacity-50"
      >
        + Add a task at level {level.level}
      </button>
    </section>
  );
}

/** The typical tasks in five level columns: drag a task by its handle, or choose its level from the list. */
export function TaskBoard({ draft, errors }: { draft: RoleDraft; errors: FieldErrors }) {
  const drag = useTaskDrag(draft);
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold">Typical tasks by level</legend>
      <p className="text-muted text-sm" id="tasks-help">
        Place each task on the level it belongs to: drag it by its handle to another column, or choose its level from
        the list.
      </p>
      <FieldError id="tasks-error" messages={errors.tasks} />
      <p className="sr-only" aria-live="polite">
        {draft.announcement}
      </p>
      <div className="grid gap-3 lg:grid-cols-5">
        {LEVELS.map((level) => (
          <TaskColumn key={level.key} level={level} draft={draft} drag={drag} errors={errors} />
        ))}
      </div>
    </fieldset>
  );
}
