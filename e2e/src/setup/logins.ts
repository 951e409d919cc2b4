import { inject } from 'vitest';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

/** Parses the seed's lines, `<role>  <email>  <password>`; other lines are ignored. */
export function parseLogins(lines: string[]): DemoLogin[] {
  return lines.flatMap((line) => {
    const [role, email, password] = line.trim().split(/\s+/);
    return role && email?.includes('@') && password ? [{ role, email, password }] : [];
  });
}

/** The demo account for `role` (e.g. "admin"), as seeded for this run. */
export function demoLogin(role: string): DemoLogin {
  const logins = parseLogins(inject('logins'));
  const found = logins.find((login) => login.role === role);
  if (!found)
    throw new Error(`no demo login for "${role}"; the seed printed: ${logins.map((l) => l.role).join(', ')}`);
  return found;
}
