import countries from 'i18n-iso-countries';
import { z } from 'zod';

const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** ISO 3166-1 alpha-2, upper case ("PH", "MX"). */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => alpha2.has(code), {
    message: 'Use an ISO 3166-1 alpha-2 country code, such as PH or MX',
  });
export type CountryCode = z.infer<typeof CountryCode>;

export const countryCodes = (): string[] => [...alpha2].sort();
