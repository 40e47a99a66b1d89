import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; warning: string | null; suggestions: string[] };

let checker: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn with the common-password and English dictionaries (about 1 MB), imported on first use:
 * the set-password page loads it only once the person starts typing, and the server once.
 */
function loadChecker() {
  checker ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return checker;
}

/** How guessable a password is (0 = instantly, 4 = very unlikely), with zxcvbn's advice. */
export async function passwordStrength(password: string, userInputs: string[] = []): Promise<PasswordStrength> {
  const result = (await loadChecker()).check(password.slice(0, 100), userInputs);
  return {
    score: result.score,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}
