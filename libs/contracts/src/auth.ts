import { z } from 'zod';
import { Locale } from './locale';
import { Membership } from './membership';
import { Email, PersonName, User } from './user';

export const minPasswordLength = 12;

// The upper bound keeps argon2 from being fed megabytes.
export const Password = z
  .string({ error: 'Enter a password' })
  .min(minPasswordLength, `The password must be at least ${minPasswordLength} characters`)
  .max(256, 'The password must be at most 256 characters');

export const RegisterInput = z
  .object({ email: Email, name: PersonName, password: Password, locale: Locale.optional() })
  .strict();
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z
  .object({
    email: Email,
    password: z
      .string({ error: 'Enter your password' })
      .min(1, 'Enter your password')
      .max(256, 'The password must be at most 256 characters'),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

/** A session: the bearer token is shown once, and only its hash is stored. */
export const SessionGrant = z.object({ token: z.string(), expiresAt: z.iso.datetime(), user: User });
export type SessionGrant = z.infer<typeof SessionGrant>;

/** Who the caller is, what they belong to, and their CASL rules packed for the browser. */
export const Me = z.object({
  user: User,
  memberships: z.array(Membership),
  rules: z.array(z.array(z.unknown())),
});
export type Me = z.infer<typeof Me>;
