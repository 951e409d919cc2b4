import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectType } from './ability';

export type Filter = Record<string, unknown>;

// MikroORM spells a few Mongo operators differently.
const renamed: Record<string, string> = { $regex: '$re' };

function rename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rename);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [renamed[k] ?? k, rename(v)]));
}

/**
 * The rows of `type` the ability allows `action` on, as a Mongo-style filter that MikroORM's
 * `FilterQuery` accepts. `null` means none: callers answer an empty list without querying.
 */
export function accessibleFilter(ability: AppAbility, action: Action, type: SubjectType): Filter | null {
  const condition = rulesToCondition(
    ability.rulesFor(action, type),
    (rule) => {
      const conditions = (rule.conditions ?? {}) as Filter;
      return rule.inverted ? { $not: conditions } : conditions;
    },
    {
      and: (conditions: Filter[]) => (conditions.length === 1 ? conditions[0] : { $and: conditions }),
      or: (conditions: Filter[]) => (conditions.length === 1 ? conditions[0] : { $or: conditions }),
      empty: () => ({}),
    },
  );
  return condition === null ? null : (rename(condition) as Filter);
}
