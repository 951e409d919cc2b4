import { describe, expect, it } from 'vitest';
import { practiceSlug } from './practice.slug';

describe('practiceSlug', () => {
  it('make readable, unique addresses from titles', () => {
    expect(practiceSlug('Protección social: ¡Mujeres migrantes!')).toMatch(
      /^proteccion-social-mujeres-migrantes-[0-9a-f]{8}$/,
    );
    expect(practiceSlug(undefined)).toMatch(/^practice-[0-9a-f]{8}$/);
    expect(practiceSlug('Same')).not.toBe(practiceSlug('Same'));
  });
});
