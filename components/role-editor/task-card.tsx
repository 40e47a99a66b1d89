import { FieldError } from "@/components/ui/field-error";
import { LEVELS } from "@/lib/ladder";
import { OCCUPATION_TASK_TEXT_MAX, TASK_TEXT_MAX } from "@/lib/limits";
import type { RoleDraft, Task } from "./use-role-draft";

/** One typical task: a drag handle, its text, its level as a list and a remove button. */
export function TaskCard({
  task: t,
  index,
  error,
  draft,
  onDragStart,
  onDragEnd,
}: {
  task: Task;
  /** The task's place in the form's task list, which names its fields. */
  index: number;
  error: string[];
  draft: RoleDraft;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  return (
    <li className="surface rounded-md p-2 shadow-sm" data-testid="role-task">
      <input type="hidden" name={`tasks.${index}.level`} value={t.level} />
      <div className="flex items-start gap-1">
        <span
          draggable
          onDragStart={(e) => {
            onDragStart();
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", t.text);
          }}
          onDragEnd={onDragEnd}
          className="text-muted mt-1 cursor-grab select-none px-0.5 text-sm"
          title="Drag to another level"
          aria-hidden="true"
        >
          ⠿
        </span>
        <label htmlFor={`task-${t.key}-text`} className="sr-only">
          Task {index + 1}
        </label>
        <textarea
          id={`task-${t.key}-text`}
          name={`tasks.${index}.text`}
          rows={2}
          maxLength={t.text.length > TASK_TEXT_MAX ? OCCUPATION_TASK_TEXT_MAX : TASK_TEXT_MAX}
          className="input min-w-0 flex-1 resize-y px-2 py-1"
          value={t.text}
          onChange={(e) => draft.setTaskText(t.key, e.target.value)}
          aria-invalid={error.length > 0}
          aria-describedby={error.length ? `task-${t.key}-error` : undefined}
        />
      </div>
      <FieldError id={`task-${t.key}-error`} messages={error} />
      <div className="mt-1.5 flex items-center gap-2">
        <label htmlFor={`task-${t.key}-level`} className="sr-only">
          Level of task {index + 1}
        </label>
        <select
          id={`task-${t.key}-level`}
          className="input min-w-0 flex-1 px-1 py-1 text-xs"
          value={t.level}
          onChange={(e) => draft.moveTask(t.key, Number(e.target.value))}
        >
          {LEVELS.map((l) => (
            <option key={l.key} value={l.level}>
              {l.level}. {l.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => draft.removeTask(t.key)}
          className="text-muted rounded px-1.5 py-1 text-xs hover:text-red-700"
          aria-label={`Remove task ${index + 1}${t.text ? `: ${t.text}` : ""}`}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
