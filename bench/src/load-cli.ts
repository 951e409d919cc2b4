import { loadBenchDatabase } from './load';

// `node bench/dist/bench/src/load-cli.js <size>`: only the load, for timing it.
const size = Number(process.argv[2] ?? 1000);
loadBenchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', size).catch(
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
