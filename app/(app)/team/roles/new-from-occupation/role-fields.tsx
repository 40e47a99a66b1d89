import { useState } from "react";
import { errorProps, FieldError, type FieldErrors } from "@/components/ui/field-error";

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
          {...errorProps(errors, "title")}
        />
        <FieldError id="title-error" messages={errors.title} />
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
          {...errorProps(errors, "teamId")}
        >
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <FieldError id="teamId-error" messages={errors.teamId} />
      </div>
    </div>
  );
}
