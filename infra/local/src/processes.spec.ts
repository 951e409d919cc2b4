import { describe, expect, it } from 'vitest';
import type { LogSink } from './log';
import { type ChildSpec, type ExitInfo, Supervisor } from './processes';

const nodeChild = (name: string, code: string): ChildSpec => ({
  name,
  command: process.execPath,
  args: ['-e', code],
  cwd: process.cwd(),
  env: process.env,
});

const collect = () => {
  const lines: string[] = [];
  const log: LogSink = (source, line) => lines.push(`${source}: ${line}`);
  return { lines, log };
};

describe('Supervisor', () => {
  it('runs a one-shot command and returns its output', async () => {
    const { lines, log } = collect();
    const supervisor = new Supervisor(log, () => undefined);
    const output = await supervisor.run(nodeChild('seed', 'console.log("a"); console.error("b")'));
    expect(output.sort()).toEqual(['a', 'b']);
    expect(lines.sort()).toEqual(['seed: a', 'seed: b']);
  });

  it('returns every line of a one-shot command, up to the last one', async () => {
    const supervisor = new Supervisor(
      () => undefined,
      () => undefined,
    );
    const output = await supervisor.run(
      nodeChild('seed', 'for (let i = 0; i < 5000; i++) console.log(`line ${i}`)'),
    );
    expect(output).toHaveLength(5000);
    expect(output.at(-1)).toBe('line 4999');
  });

  it('fails a one-shot command that exits non-zero', async () => {
    const supervisor = new Supervisor(collect().log, () => undefined);
    await expect(supervisor.run(nodeChild('migrate', 'process.exit(3)'))).rejects.toThrow(
      'migrate exited with code 3',
    );
  });

  it('reports a long-running child that dies on its own', async () => {
    const exits: ExitInfo[] = [];
    const supervisor = new Supervisor(collect().log, (info) => exits.push(info));
    const proc = supervisor.start(nodeChild('api', 'setTimeout(() => process.exit(2), 50)'));
    await proc.exited;
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([{ name: 'api', code: 2, signal: null }]);
  });

  it('stops children newest first, without reporting them as crashes', async () => {
    const { lines, log } = collect();
    const exits: ExitInfo[] = [];
    const supervisor = new Supervisor(log, (info) => exits.push(info));
    const keepAlive = 'console.log("up"); setInterval(() => {}, 1000)';
    const first = supervisor.start(nodeChild('first', keepAlive));
    const second = supervisor.start(nodeChild('second', keepAlive));
    await Promise.all([first.waitForLine(/up/, 5_000), second.waitForLine(/up/, 5_000)]);
    await supervisor.stopAll();
    expect(first.running || second.running).toBe(false);
    expect(lines.filter((line) => line.startsWith('start: '))).toEqual([
      'start: stopped second (exited on SIGTERM)',
      'start: stopped first (exited on SIGTERM)',
    ]);
    expect(exits).toEqual([]);
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const supervisor = new Supervisor(collect().log, () => undefined, 200);
    const stubborn = supervisor.start(
      nodeChild(
        'stubborn',
        'process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000)',
      ),
    );
    await stubborn.waitForLine(/up/, 5_000);
    await supervisor.stopAll();
    expect(await stubborn.exited).toMatchObject({ signal: 'SIGKILL' });
  });

  it('starts nothing once stopping', async () => {
    const supervisor = new Supervisor(collect().log, () => undefined);
    await supervisor.stopAll();
    expect(() => supervisor.start(nodeChild('late', ''))).toThrow('the stack is stopping');
  });
});

describe('ManagedProcess.survives', () => {
  it('passes for a child that stays up and fails for one that exits', async () => {
    const supervisor = new Supervisor(collect().log, () => undefined);
    const steady = supervisor.start(nodeChild('steady', 'setInterval(() => {}, 1000)'));
    const quitter = supervisor.start(nodeChild('quitter', 'process.exit(4)'));
    await expect(steady.survives(300)).resolves.toBeUndefined();
    await expect(quitter.survives(300)).rejects.toThrow('quitter exited with code 4 during start-up');
    await supervisor.stopAll();
  });
});
