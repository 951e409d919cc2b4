import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The Nx workspace root above `from` (this file runs from src/ in tests and from dist/ when built). */
export function workspaceRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}
