"use server";

import { redirect } from "next/navigation";
import { createRoleFromOccupation } from "@/db/queries/role-from-occupation";
import { formAction } from "@/lib/actions";
import { roleFromOccupationSchema } from "@/lib/role-from-occupation-schema";

export type RoleFromOccupationValues = {
  teamId: string;
  title: string;
  occupationCode: string;
  tasks: { id: string; level: string }[];
  mix: Record<"s1" | "s2" | "s3" | "s4" | "s5", string>;
};

function readValues(formData: FormData): RoleFromOccupationValues {
  const text = (name: string) => String(formData.get(name) ?? "");
  const tasks: RoleFromOccupationValues["tasks"] = [];
  for (let i = 0; formData.has(`tasks.${i}.id`); i++)
    tasks.push({ id: text(`tasks.${i}.id`), level: text(`tasks.${i}.level`) });
  return {
    teamId: text("teamId"),
    title: text("title"),
    occupationCode: text("occupationCode"),
    tasks,
    mix: { s1: text("mix.s1"), s2: text("mix.s2"), s3: text("mix.s3"), s4: text("mix.s4"), s5: text("mix.s5") },
  };
}

export const createRoleFromOccupationAction = formAction({
  roles: ["manager"],
  schema: roleFromOccupationSchema,
  readValues,
  handler: async (input, actor) => {
    const { roleProfileId } = await createRoleFromOccupation(actor, input);
    redirect(`/team/research?saved=${roleProfileId}#role-${roleProfileId}`);
  },
});
