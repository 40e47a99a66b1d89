"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setPasswordSignInAdminsOnly } from "@/db/queries/organization-settings";
import { formAction } from "@/lib/actions";

export const setPasswordSignInAction = formAction({
  roles: ["admin"],
  schema: z.object({ adminsOnly: z.enum(["yes", "no"]) }),
  readValues: (f) => ({ adminsOnly: String(f.get("adminsOnly") ?? "") }),
  handler: async (input, actor) => {
    const adminsOnly = input.adminsOnly === "yes";
    await setPasswordSignInAdminsOnly(actor, adminsOnly);
    revalidatePath("/admin/sign-in");
    return {
      status: "success",
      values: { adminsOnly: input.adminsOnly },
      message: adminsOnly
        ? "Password sign-in is off for everyone but admins: people sign in with single sign-on."
        : "Everyone may sign in with a password again.",
    };
  },
});
