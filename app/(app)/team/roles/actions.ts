"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assignRoles, saveRoleMapping } from "@/db/queries/roles";
import { ActionError } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import { recordId } from "@/lib/record-id";
import { readRoleEditorValues, roleEditorInput, roleMappingSchema } from "@/lib/role-schema";

export const saveRoleAction = formAction({
  roles: ["manager"],
  schema: roleMappingSchema,
  readValues: readRoleEditorValues,
  toInput: roleEditorInput,
  handler: async (input, actor) => {
    const saved = await saveRoleMapping(actor, input);
    revalidatePath("/team", "layout");
    redirect(`/team/roles?saved=${saved.roleId}`);
  },
});

const assignmentsSchema = z.object({
  assignments: z.array(z.object({ personId: recordId(), roleId: recordId().nullable() })),
});

type AssignmentValues = { roles: Record<string, string> };

export const assignRolesAction = formAction({
  roles: ["manager"],
  schema: assignmentsSchema,
  readValues: (formData): AssignmentValues => ({
    roles: Object.fromEntries(
      [...formData.entries()]
        .filter(([key]) => key.startsWith("role."))
        .map(([key, value]) => [key.slice(5), String(value)]),
    ),
  }),
  toInput: (values) => ({
    assignments: Object.entries(values.roles).map(([personId, roleId]) => ({
      personId,
      roleId: roleId === "" ? null : roleId,
    })),
  }),
  handler: async (input, actor) => {
    if (input.assignments.length === 0) throw new ActionError("There is nobody in your team to assign a role to.");
    const { changed } = await assignRoles(actor, input.assignments);
    revalidatePath("/team", "layout");
    return {
      status: "success",
      message:
        changed === 0 ? "Nothing changed." : `Saved ${changed} role ${changed === 1 ? "assignment" : "assignments"}.`,
    };
  },
});
