"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changeOwnPassword, signOutEverywhere } from "@/lib/account";
import { formAction, refuseCrossOriginAction } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth";
import { requireActor } from "@/lib/dal";
import { clientIp } from "@/lib/sign-in";

export const changePasswordAction = formAction({
  schema: z
    .object({
      current: z.string().min(1, "Enter your current password.").max(200),
      password: z.string().min(1, "Choose a new password.").max(200),
      confirm: z.string(),
    })
    .refine((v) => v.confirm === v.password, {
      message: "The two new passwords differ. Type it again.",
      path: ["confirm"],
    }),
  // Passwords are not echoed back: the form keeps them itself (it is submitted without a reset).
  readValues: () => ({}),
  toInput: (_values, f) => ({
    current: String(f.get("current") ?? ""),
    password: String(f.get("password") ?? ""),
    confirm: String(f.get("confirm") ?? ""),
  }),
  handler: async (input, actor) => {
    await changeOwnPassword(actor, { current: input.current, password: input.password, ip: clientIp(await headers()) });
    // Every session ended with the change; this browser gets a fresh one.
    await signIn("credentials", { email: actor.email, password: input.password, redirectTo: "/account?changed=1" });
    return undefined;
  },
});

export async function signOutEverywhereAction() {
  await refuseCrossOriginAction();
  const actor = await requireActor();
  await signOutEverywhere(actor, clientIp(await headers()));
  await signOut({ redirectTo: "/login" });
  redirect("/login");
}
