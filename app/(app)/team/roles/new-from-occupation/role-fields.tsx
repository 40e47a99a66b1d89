import { useState } from "react";

type FieldErrors = Partial<Record<string, string[]>>;

/** The new role's title (the occupation's, to start with) and its team. */
export function RoleFields({
  initialTitle,
  teams,
  errors,
}: {
  initialTitle: string;
  teams: { id: number; name: string }[];
  errors: FieldErrors;
}) {
  const [title, setTitle] = useState(initialTitle);
  const [teamId, setTeamId] = useState(String(teams[0]?.id ?? ""));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="title" className="block text-sm font-medium">
          Role title
        </label>
        <input
          id="title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          className="input mt-1"
          aria-invalid={Boolean(errors.title)}
          aria-describedby={errors.title ? "title-error" : undefined}
        />
        {errors.title && (
          <p id="title-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {errors.title[0]}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="teamId" className="block text-sm font-medium">
          Team
        </label>
        <select
          id="teamId"
          name="teamId"
          value={teamId}
          onChange={(e) => setTeamId(e.target.value)}
          className="input mt-1"
          aria-invalid={Boolean(errors.teamId)}
          aria-describedby={errors.teamId ? "teamId-error" : undefined}
        >
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {errors.teamId && (
          <p id="teamId-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {errors.teamId[0]}
          </p>
        )}
      </div>
    </div>
  );
}
