import { AbilityBuilder, createMongoAbility, type RawRuleOf } from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';
import type { Actor } from './actor';
import { publicRules, roleRules } from './rules';

/** The ability of a caller; `null` is the public (no account). */
export function defineAbilityFor(actor: Actor | null): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  publicRules(builder);
  if (actor) {
    // "partner" is implied by having an account, even if the stored roles omit it.
    const roles = new Set(['partner', ...actor.roles] as const);
    for (const role of roles) roleRules[role](actor, builder);
  }
  return builder.build();
}

export type PackedRules = PackRule<RawRuleOf<AppAbility>>[];

/** Rules for the browser, which shows only what the user can do; the API still enforces them. */
export const packAbility = (ability: AppAbility): PackedRules => packRules(ability.rules);

export const abilityFromPacked = (packed: PackedRules): AppAbility =>
  createMongoAbility<AppAbility>(unpackRules<RawRuleOf<AppAbility>>(packed));
