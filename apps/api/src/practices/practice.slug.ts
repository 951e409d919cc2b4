import { randomBytes } from 'node:crypto';

/** A readable, stable address: the first words of the title plus a random suffix, so it stays unique. */
export function practiceSlug(title: string | undefined): string {
  const words = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words || 'practice'}-${randomBytes(4).toString('hex')}`;
}
