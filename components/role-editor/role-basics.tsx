import { errorProps, FieldError, type FieldErrors } from "@/components/ui/field-error";
import { NAME_MAX, ROLE_DESCRIPTION_MAX } from "@/lib/limits";
import type { RoleDraft } from "./use-role-draft";

/** The role's team (when a new role could belong to several), title and description. */
export function RoleBasics({
  draft,
  teams,
  chooseTeam,
  errors,
}: {
  draft: RoleDraft;
  teams: { id: number; name: string }[];
  chooseTeam: boolean;
  errors: FieldErrors;
}) {
  return (
    <section aria-labelledby="role-basics" className="space-y-4">
      <h2 id="role-basics" className="text-base font-semibold">
        The role
      </h2>
      {chooseTeam ? (
        <div>
          <label htmlFor="teamId" className="text-sm font-medium">
            Team
          </label>
          <select
            id="teamId"
            name="teamId"
            className="input mt-1 max-w-sm"
            value={draft.teamId}
            onChange={(e) => draft.setTeamId(Number(e.target.value))}
          >
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldError id="teamId-error" messages={errors.teamId} />
        </div>
      ) : (
        <input type="hidden" name="teamId" value={draft.teamId} />
      )}
      <div>
        <label htmlFor="title" className="text-sm font-medium">
          Title
        </label>
        <input
          id="title"
          name="title"
          className="input mt-1 max-w-lg"
          value={draft.title}
          maxLength={NAME_MAX}
          onChange={(e) => draft.setTitle(e.target.value)}
          {...errorProps(errors, "title")}
        />
        <FieldError id="title-error" messages={errors.title} />
      </div>
      <div>
        <label htmlFor="description" className="text-sm font-medium">
          Description
        </label>
        <textarea
          id="description"
          name="description"
          rows={3}
          className="input mt-1"
          value={draft.description}
          maxLength={ROLE_DESCRIPTION_MAX}
          onChange={(e) => draft.setDescription(e.target.value)}
          {...errorProps(errors, "description")}
        />
        <FieldError id="description-error" messages={errors.description} />
      </div>
    </section>
  );
}
