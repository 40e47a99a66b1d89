import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-state";

describe("fieldErrorsOf", () => {
  it("keys nested errors by their dotted path and form-level errors by _form", () => {
    const schema = z
      .strictObject({ tasks: z.array(z.strictObject({ text: z.string().max(3, "Too long.") })) })
      .refine(() => false, "Whole form is wrong.");
    const result = schema.safeParse({ tasks: [{ text: "ok" }, { text: "too long" }], extra: 1 });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors["tasks.1.text"]).toEqual(["Too long."]);
    expect(errors._form?.length).toBeGreaterThan(0);
    expect(errors["tasks.0.text"]).toBeUndefined();
  });
});
