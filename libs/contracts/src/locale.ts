import { z } from 'zod';

/** Interface languages: the outcome document's working languages. */
export const locales = ['en', 'es', 'fr'] as const;
export const Locale = z.enum(locales, { error: 'Choose one of: en, es, fr' });
export type Locale = z.infer<typeof Locale>;
export const defaultLocale: Locale = 'en';

/** A label in every interface language. */
export const LocalisedText = z.object({ en: z.string(), es: z.string(), fr: z.string() });
export type LocalisedText = z.infer<typeof LocalisedText>;
