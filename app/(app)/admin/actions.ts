"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { closeCycle, createCycle, openDraftCycle, reopenCycle, updateCycleDates } from "@/db/queries/admin";
import {
  createPerson,
  createTeam,
  movePerson,
  setPersonActive,
  setTeamManager,
  updatePerson,
} from "@/db/queries/admin-people";
import { revokeInvitation } from "@/db/queries/invitations";
import { appRole } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import { type InviteOutcome, invitePeople } from "@/lib/invitations";
import { EMAIL_MAX, NAME_MAX, REOPEN_REASON_MAX, REOPEN_REASON_MIN } from "@/lib/limits";
import { recordId } from "@/lib/record-id";

const str = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date.");
const id = recordId();

const datesSchema = z
  .object({ startsOn: isoDate, endsOn: isoDate })
  .refine((v) => v.endsOn > v.startsOn, { message: "The end comes after the start.", path: ["endsOn"] });

export const createCycleAction = formAction({
  roles: ["admin"],
  schema: z
    .object({
      name: z
        .string()
        .trim()
        .regex(/^\d{4} Q[1-4]$/, 'Name it like "2027 Q1".'),
      startsOn: isoDate,
      endsOn: isoDate,
    })
    .refine((v) => v.endsOn > v.startsOn, { message: "The end comes after the start.", path: ["endsOn"] }),
  readValues: (f) => ({ name: str(f, "name"), startsOn: str(f, "startsOn"), endsOn: str(f, "endsOn") }),
  handler: async (input, actor) => {
    const cycle = await createCycle(actor, input);
    revalidatePath("/admin", "layout");
    redirect(`/admin/cycles/${cycle.id}`);
  },
});

export const updateCycleDatesAction = formAction({
  roles: ["admin"],
  schema: z.object({ cycleId: id }).and(datesSchema),
  readValues: (f) => ({ cycleId: str(f, "cycleId"), startsOn: str(f, "startsOn"), endsOn: str(f, "endsOn") }),
  handler: async (input, actor) => {
    await updateCycleDates(actor, input.cycleId, { startsOn: input.startsOn, endsOn: input.endsOn });
    revalidatePath("/admin", "layout");
    return {
      status: "success",
      values: { cycleId: String(input.cycleId), startsOn: input.startsOn, endsOn: input.endsOn },
      message: "Dates saved.",
    };
  },
});

const cycleIdOnly = {
  roles: ["admin"] as const,
  schema: z.object({ cycleId: id }),
  readValues: (f: FormData) => ({ cycleId: str(f, "cycleId") }),
};

export const openCycleAction = formAction({
  ...cycleIdOnly,
  handler: async (input, actor) => {
    await openDraftCycle(actor, input.cycleId);
    revalidatePath("/", "layout");
    redirect(`/admin/cycles/${input.cycleId}?done=opened`);
  },
});

export const closeCycleAction = formAction({
  roles: ["admin"],
  schema: z.object({ cycleId: id, confirm: z.literal("yes", { error: "Tick the box to confirm." }) }),
  readValues: (f) => ({ cycleId: str(f, "cycleId"), confirm: str(f, "confirm") }),
  handler: async (input, actor) => {
    await closeCycle(actor, input.cycleId);
    revalidatePath("/", "layout");
    redirect(`/admin/cycles/${input.cycleId}?done=closed`);
  },
});

export const reopenCycleAction = formAction({
  roles: ["admin"],
  schema: z.object({
    cycleId: id,
    reason: z
      .string()
      .trim()
      .min(REOPEN_REASON_MIN, `Say why, in at least ${REOPEN_REASON_MIN} characters.`)
      .max(REOPEN_REASON_MAX, `At most ${REOPEN_REASON_MAX} characters.`),
  }),
  readValues: (f) => ({ cycleId: str(f, "cycleId"), reason: str(f, "reason") }),
  handler: async (input, actor) => {
    await reopenCycle(actor, input.cycleId, input.reason);
    revalidatePath("/", "layout");
    redirect(`/admin/cycles/${input.cycleId}?done=reopened`);
  },
});

const personFields = {
  name: z.string().trim().min(1, "Enter a name.").max(NAME_MAX, `At most ${NAME_MAX} characters.`),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, `At most ${EMAIL_MAX} characters.`)
    .pipe(z.email("Enter an email address like name@company.com.")),
  role: z.enum(appRole.enumValues, { error: "Choose a role." }),
};

export const createPersonAction = formAction({
  roles: ["admin"],
  schema: z.object({
    ...personFields,
    teamId: z.union([z.literal("").transform(() => null), id]),
    invite: z.enum(["on", ""]),
  }),
  readValues: (f) => ({
    name: str(f, "name"),
    email: str(f, "email"),
    role: str(f, "role") || "employee",
    teamId: str(f, "teamId"),
    invite: str(f, "invite"),
  }),
  handler: async (input, actor) => {
    const person = await createPerson(actor, input);
    revalidatePath("/admin", "layout");
    let invited = "";
    if (input.invite === "on") {
      invited = await invitePeople(actor, [person.id]).then(
        () => "&invited=1",
        (error: unknown) => {
          console.error("Invitation mail failed", { personId: person.id, error });
          return "&invited=failed";
        },
      );
    }
    redirect(`/admin/people/${person.id}?created=1${invited}`);
  },
});

function inviteMessage(outcome: InviteOutcome) {
  const skipped = outcome.skipped
    ? ` ${outcome.skipped} skipped: they already have a password, or are deactivated.`
    : "";
  if (outcome.mode === "queued") return `${outcome.queued} invitations are going out in the background.${skipped}`;
  if (outcome.sent === 0) return `No invitation sent.${skipped}`;
  return `Invitation sent to ${outcome.sent === 1 ? "1 person" : `${outcome.sent} people`}.${skipped}`;
}

/** Invites (or re-invites) the chosen people; many at once become a background job to watch. */
export const invitePeopleAction = formAction({
  roles: ["admin"],
  schema: z.object({
    personIds: z.array(id).min(1, "Choose at least one person.").max(100_000),
  }),
  readValues: (f) => ({ personIds: f.getAll("personId").map(String) }),
  handler: async (input, actor) => {
    const outcome = await invitePeople(actor, input.personIds).catch((error: unknown) => {
      console.error("Invitation mail failed", error);
      throw new ActionError("The mail server refused the invitation. Try again in a moment, or check SMTP_URL.");
    });
    revalidatePath("/admin", "layout");
    if (outcome.mode === "queued") redirect(`/admin/jobs/${outcome.jobId}`);
    return { status: "success", values: { personIds: [] }, message: inviteMessage(outcome) };
  },
});

export const revokeInvitationAction = formAction({
  roles: ["admin"],
  schema: z.object({ personId: id }),
  readValues: (f) => ({ personId: str(f, "personId") }),
  handler: async (input, actor) => {
    const revoked = await revokeInvitation(actor, input.personId);
    revalidatePath("/admin", "layout");
    return {
      status: revoked ? "success" : "error",
      values: { personId: String(input.personId) },
      message: revoked ? "Invitation revoked: its link no longer works." : "There was no open invitation.",
    };
  },
});

export const updatePersonAction = formAction({
  roles: ["admin"],
  schema: z.object({ personId: id, ...personFields }),
  readValues: (f) => ({
    personId: str(f, "personId"),
    name: str(f, "name"),
    email: str(f, "email"),
    role: str(f, "role"),
  }),
  handler: async (input, actor) => {
    await updatePerson(actor, input.personId, input);
    revalidatePath("/admin", "layout");
    return {
      status: "success",
      values: { personId: String(input.personId), name: input.name, email: input.email, role: input.role },
      message: "Saved.",
    };
  },
});

export const movePersonAction = formAction({
  roles: ["admin"],
  schema: z.object({
    personId: id,
    teamId: recordId("Choose a team."),
  }),
  readValues: (f) => ({ personId: str(f, "personId"), teamId: str(f, "teamId") }),
  handler: async (input, actor) => {
    await movePerson(actor, input.personId, input.teamId);
    revalidatePath("/admin", "layout");
    return {
      status: "success",
      values: { personId: String(input.personId), teamId: String(input.teamId) },
      message: "Moved. Earlier cycles keep the team they had.",
    };
  },
});

export const setActiveAction = formAction({
  roles: ["admin"],
  schema: z.object({ personId: id, active: z.enum(["true", "false"]) }),
  readValues: (f) => ({ personId: str(f, "personId"), active: str(f, "active") }),
  handler: async (input, actor) => {
    await setPersonActive(actor, input.personId, input.active === "true");
    revalidatePath("/admin", "layout");
    return {
      status: "success",
      values: { personId: String(input.personId), active: input.active },
      message:
        input.active === "true"
          ? "Re-activated: they can sign in again."
          : "Deactivated: they cannot sign in, and their open sessions have ended.",
    };
  },
});

export const createTeamAction = formAction({
  roles: ["admin"],
  schema: z.object({
    name: z.string().trim().min(1, "Enter a name.").max(NAME_MAX, `At most ${NAME_MAX} characters.`),
    departmentId: recordId("Choose a department."),
  }),
  readValues: (f) => ({ name: str(f, "name"), departmentId: str(f, "departmentId") }),
  handler: async (input, actor) => {
    await createTeam(actor, input);
    revalidatePath("/admin", "layout");
    return { status: "success", values: { name: "", departmentId: "" }, message: `Team ${input.name} created.` };
  },
});

export const setTeamManagerAction = formAction({
  roles: ["admin"],
  schema: z.object({ teamId: id, managerId: z.union([z.literal("").transform(() => null), id]) }),
  readValues: (f) => ({ teamId: str(f, "teamId"), managerId: str(f, "managerId") }),
  handler: async (input, actor) => {
    await setTeamManager(actor, input.teamId, input.managerId);
    revalidatePath("/", "layout");
    return {
      status: "success",
      values: { teamId: String(input.teamId), managerId: String(input.managerId ?? "") },
      message: "Manager saved.",
    };
  },
});
