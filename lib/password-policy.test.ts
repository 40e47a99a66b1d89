import { describe, expect, it } from "vitest";
import { passwordPolicyErrors } from "./password-policy";
import { passwordStrength } from "./password-strength";

const email = "ada.lovelace@example.test";

describe("passwordPolicyErrors", () => {
  it("accepts a long passphrase of unrelated words", async () => {
    expect(await passwordPolicyErrors("velvet-harbour-quietly-92-lanterns", email)).toEqual([]);
  });

  it("refuses fewer than 12 characters and more than 64", async () => {
    expect(await passwordPolicyErrors("Tr0ub4dor&3", email)).toEqual(["Use at least 12 characters."]);
    expect(await passwordPolicyErrors("x".repeat(65), email)).toEqual(["Use at most 64 characters."]);
  });

  it("refuses common passwords even when they are long enough", async () => {
    for (const common of ["password1234", "qwertyuiop123", "123456789012", "iloveyou1234"]) {
      const errors = await passwordPolicyErrors(common, email);
      expect(errors, common).toHaveLength(1);
      expect(errors[0]).toMatch(/too common or easy to guess/);
    }
  });

  it("refuses a password built from the email", async () => {
    expect(await passwordPolicyErrors("ada.lovelace@example.test", email)).toEqual([
      "Don't build your password from your email address.",
    ]);
    expect(await passwordPolicyErrors("ada.lovelace-2026!", email)).toEqual([
      "Don't build your password from your email address.",
    ]);
  });
});

describe("passwordStrength", () => {
  it("scores a common password low and a passphrase high", async () => {
    expect((await passwordStrength("password")).score).toBe(0);
    expect((await passwordStrength("velvet-harbour-quietly-92-lanterns")).score).toBe(4);
  });
});
