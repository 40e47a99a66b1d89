"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { linkRoleToOccupation } from "@/db/queries/role-from-occupation";
import { formAction } from "@/lib/actions";
import { recordId } from "@/lib/record-id";

const linkSchema = z.object({
  roleId: recordId(),
  occupationCode: z.union([z.literal(""), z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, "Choose an occupation")]),
});

/** Links a role to an occupation, or unlinks it when the code is empty; back to the role's page. */
export const linkRoleAction = formAction({
  roles: ["manager"],
  schema: linkSchema,
  readValues: (formData) => ({
    roleId: String(formData.get("roleId") ?? ""),
    occupationCode: String(formData.get("occupationCode") ?? ""),
  }),
  handler: async (input, actor) => {
    await linkRoleToOccupation(actor, input.roleId, input.occupationCode || null);
    redirect(`/team/roles/${input.roleId}#research`);
  },
});
