import Fastify from 'fastify';
import { Pool } from 'pg';
import { LibrarySearchQuery } from '@pathways/contracts';
// The API's own statement builder, so the baseline runs literally the same SQL.
// The benchmark measures the API's own statement, so it reaches into the app on purpose.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { librarySearchStatement } from '../../apps/api/src/library/library-search.sql';

/**
 * The bare baseline: Fastify and a pg pool answering the library search with the identical SQL,
 * with validation but without Nest, guards, logging or the result mapping. The ratio of the API's
 * throughput to this one's is what the framework costs.
 */
export async function startBaseline(databaseUrl: string, port: number) {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/api/library/practices', async (request, reply) => {
    const parsed = LibrarySearchQuery.safeParse(request.query);
    if (!parsed.success) return reply.code(400).send({ message: parsed.error.message });
    const words = parsed.data.q?.trim() || undefined;
    const { sql, params } = librarySearchStatement(parsed.data, words);
    let n = 0;
    const { rows } = await pool.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return rows[0];
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
