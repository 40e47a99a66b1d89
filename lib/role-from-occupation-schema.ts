import { z } from "zod";
import { isCompleteMix, SHARE_KEYS } from "@/lib/ladder";
import { NAME_MAX, ROLE_TASKS_MAX } from "@/lib/limits";
import { recordId } from "@/lib/record-id";

const share = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.coerce
    .number({ message: "Enter a whole percent" })
    .int("Enter a whole percent")
    .min(0, "At least 0%")
    .max(100, "At most 100%"),
);

/** A role started from an O*NET occupation: its tasks (each with the level the manager confirmed) and target mix. */
export const roleFromOccupationSchema = z
  .object({
    teamId: recordId("Choose a team"),
    title: z
      .string()
      .trim()
      .min(2, "Give the role a title of at least 2 characters")
      .max(NAME_MAX, `Keep the title under ${NAME_MAX} characters`),
    occupationCode: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, "Choose an occupation"),
    tasks: z
      .array(
        z.object({
          id: recordId(),
          level: z.coerce.number().int().min(1, "Choose a level").max(5, "Choose a level"),
        }),
      )
      .min(1, "Keep at least one task")
      .max(ROLE_TASKS_MAX, `A role has at most ${ROLE_TASKS_MAX} typical tasks: untick some`),
    mix: z.object({ s1: share, s2: share, s3: share, s4: share, s5: share }),
  })
  .superRefine((value, ctx) => {
    if (SHARE_KEYS.every((k) => Number.isInteger(value.mix[k])) && !isCompleteMix(value.mix)) {
      const total = SHARE_KEYS.reduce((sum, k) => sum + value.mix[k], 0);
      ctx.addIssue({
        code: "custom",
        path: ["mix"],
        message: `The target mix adds up to ${total}%; it must be exactly 100%.`,
      });
    }
  });

export type RoleFromOccupationInput = z.output<typeof roleFromOccupationSchema>;
