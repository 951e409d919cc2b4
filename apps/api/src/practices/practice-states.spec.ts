import { practiceStatuses } from '@pathways/contracts';
import { practiceStates } from '@pathways/workflow';
import { describe, expect, it } from 'vitest';
import { practiceSlug } from './practice.slug';

describe('practice contracts and workflow', () => {
  it('name the same states, so a status the engine reaches is one the API can answer', () => {
    expect([...practiceStatuses]).toEqual([...practiceStates]);
  });

  it('make readable, unique addresses from titles', () => {
    expect(practiceSlug('Protección social: ¡Mujeres migrantes!')).toMatch(
      /^proteccion-social-mujeres-migrantes-[0-9a-f]{8}$/,
    );
    expect(practiceSlug(undefined)).toMatch(/^practice-[0-9a-f]{8}$/);
    expect(practiceSlug('Same')).not.toBe(practiceSlug('Same'));
  });
});
