/**
 * The demo's role profiles: each team role's target mix (and, for some, a second version from
 * 2026 Q1) and the typical tasks listed on each version.
 */
import { createRandom, roundShares } from "../seed-random";
import { at, baselineAt, cycleInfo, roleKey, shiftLeverage } from "./model";
import { ORG_CREATED, TEAMS, type Vec } from "./northwind";

export type VersionDraft = { key: string; version: number; mix: Vec; description: string; createdAt: Date; by: string };

export function draftRoleVersions(): VersionDraft[] {
  const drafts: VersionDraft[] = [];
  for (const t of TEAMS) {
    t.roles.forEach((role, i) => {
      const r = createRandom(`role:${t.name}:${role.title}`);
      // A role's target sits a little above where the team is today: where the manager wants it.
      const v1 = shiftLeverage(roundShares(baselineAt(t, 0)), role.tilt + 0.15, r);
      drafts.push({
        key: roleKey(t.name, i),
        version: 1,
        mix: v1,
        description: role.description,
        createdAt: at(ORG_CREATED, 2, 10, 0),
        by: t.manager,
      });
      if (role.v2) {
        const v2 = shiftLeverage(roundShares(baselineAt(t, role.v2.fromCycle)), role.v2.tilt, r);
        drafts.push({
          key: roleKey(t.name, i),
          version: 2,
          mix: v2,
          description: role.v2.description,
          createdAt: at(cycleInfo(role.v2.fromCycle).startsOn, 5, 10, 30),
          by: t.manager,
        });
      }
    });
  }
  return drafts;
}

/** The typical tasks of a role version, from its team's task bank: 4–8, in ladder order. */
export function pickRoleTasks(v: VersionDraft): { text: string; level: number }[] {
  const [teamName, roleIndex] = v.key.split("#") as [string, string];
  const t = TEAMS.find((team) => team.name === teamName)!;
  const offset = Number(roleIndex) + v.version;
  const picked: { text: string; level: number }[] = [];
  // Levels by share: one task where the role spends ≥ 5 %, two where it spends ≥ 25 %.
  for (let level = 1; level <= 5; level++) {
    const share = v.mix[level - 1]!;
    const bank = t.tasks[level - 1]!;
    const wanted = share >= 25 ? 2 : share >= 5 ? 1 : 0;
    for (let k = 0; k < Math.min(wanted, bank.length); k++) {
      picked.push({ text: bank[(offset + k) % bank.length]!, level });
    }
  }
  for (let level = 3; picked.length < 4 && level <= 5; level++) {
    const bank = t.tasks[level - 1]!;
    const text = bank.find((x) => !picked.some((p) => p.text === x));
    if (text) picked.push({ text, level });
  }
  return picked.slice(0, 8);
}
