/** Receives every line a child (or the orchestrator itself, as "start") prints. */
export type LogSink = (source: string, line: string) => void;

const width = 8;

/** Prefixes each line with its source, e.g. `[api]    {"level":30,...}`: JSON lines are kept intact. */
export const prefixedConsole: LogSink = (source, line) => {
  process.stdout.write(`${`[${source}]`.padEnd(width)} ${line}\n`);
};
