import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LogSink } from './log';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Run as this user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** Default SIGTERM; PostgreSQL takes SIGINT ("fast" shutdown, which does not wait for clients). */
  stopSignal?: NodeJS.Signals;
  /** Send the output to this file instead of the console (it is still watched for readiness). */
  logFile?: string;
}

export interface ExitInfo {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export const describeExit = ({ name, code, signal }: ExitInfo) =>
  `${name} exited ${signal ? `on ${signal}` : `with code ${code}`}`;

/**
 * One child in its own process group, so that a terminal's Ctrl-C reaches only the orchestrator,
 * which then stops the children in order, and so that grandchildren are stopped with them.
 */
export class ManagedProcess {
  readonly exited: Promise<ExitInfo>;
  /** Settles once the output pipes are closed too, i.e. every output line has been seen. */
  readonly drained: Promise<void>;
  private readonly child: ChildProcess;
  private readonly lineWatchers = new Set<(line: string) => void>();
  private done = false;
  stopping = false;

  constructor(
    readonly spec: ChildSpec,
    log: LogSink,
  ) {
    this.child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      ...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid }),
    });
    const file = spec.logFile ? createWriteStream(spec.logFile, { flags: 'a' }) : undefined;
    file?.on('error', () => undefined);
    this.drained = new Promise((resolve) => {
      const settle = () => {
        file?.end();
        resolve();
      };
      this.child.once('close', settle);
      this.child.once('error', settle);
    });
    const relay = (stream: NodeJS.ReadableStream) =>
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (file) file.write(`${line}\n`);
        else log(spec.name, line);
        for (const watch of this.lineWatchers) watch(line);
      });
    if (this.child.stdout) relay(this.child.stdout);
    if (this.child.stderr) relay(this.child.stderr);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        log(spec.name, `could not start ${spec.command}: ${error.message}`);
        this.done = true;
        resolve({ name: spec.name, code: 127, signal: null });
      });
      this.child.once('exit', (code, signal) => {
        this.done = true;
        resolve({ name: spec.name, code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.done;
  }

  /** Calls `watch` with every later output line (stdout and stderr); returns the unsubscribe. */
  onLine(watch: (line: string) => void): () => void {
    this.lineWatchers.add(watch);
    return () => this.lineWatchers.delete(watch);
  }

  /** Resolves on the first output line that matches; rejects if the process exits or time runs out. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`${this.spec.name} did not log ${pattern} within ${timeoutMs / 1000}s`)),
        timeoutMs,
      );
      const watch = (line: string) => pattern.test(line) && finish();
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.lineWatchers.delete(watch);
        if (error) reject(error);
        else resolve();
      };
      this.lineWatchers.add(watch);
      void this.exited.then((info) => finish(new Error(`${describeExit(info)} before it was ready`)));
    });
  }

  /** Resolves when the process is still running after `ms`; rejects if it exits before. */
  async survives(ms: number): Promise<void> {
    const outcome = await Promise.race([
      this.exited,
      new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), ms)),
    ]);
    if (outcome !== 'running') throw new Error(`${describeExit(outcome)} during start-up`);
  }

  /** The stop signal (SIGTERM) to the whole group, then SIGKILL when it has not exited after `graceMs`. */
  async stop(graceMs: number): Promise<ExitInfo> {
    this.stopping = true;
    if (this.done) return this.exited;
    this.signal(this.spec.stopSignal ?? 'SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const info = await this.exited;
    clearTimeout(timer);
    this.reap();
    return info;
  }

  /** Kills what is left of the group: the leader may exit before its own children. */
  reap(): void {
    this.signal('SIGKILL');
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  }
}

/**
 * Owns every child of the stack: stops them newest first, and reports a long-running child that
 * exits while nobody asked it to.
 */
export class Supervisor {
  private readonly children: ManagedProcess[] = [];
  private closed = false;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly log: LogSink,
    private readonly onUnexpectedExit: (info: ExitInfo) => void,
    private readonly graceMs = 10_000,
  ) {}

  /** Starts a long-running child; its exit before `stopAll()` counts as a failure. */
  start(spec: ChildSpec): ManagedProcess {
    const proc = this.spawn(spec);
    void proc.exited.then((info) => {
      if (!proc.stopping && !this.closed) this.onUnexpectedExit(info);
    });
    return proc;
  }

  /** Runs a one-shot command to completion and returns its output lines; throws on a non-zero exit. */
  async run(spec: ChildSpec): Promise<string[]> {
    const proc = this.spawn(spec);
    const lines: string[] = [];
    proc.onLine((line) => lines.push(line));
    const info = await proc.exited;
    // 'exit' can come before the last output lines (the seed's logins): read to the end of the pipes.
    // Anything it left behind in its group would hold the pipes open.
    proc.reap();
    await proc.drained;
    if (this.closed) throw new Error(`${spec.name} was interrupted`);
    if (info.code !== 0)
      throw new Error(`${describeExit(info)}; its output is above, prefixed [${spec.name}]`);
    return lines;
  }

  /** Stops every child, newest first; later calls share the first call's work. */
  stopAll(): Promise<void> {
    this.closed = true;
    this.stopped ??= this.stopChildren();
    return this.stopped;
  }

  private async stopChildren(): Promise<void> {
    for (const proc of [...this.children].reverse()) {
      if (!proc.running) continue;
      const info = await proc.stop(this.graceMs);
      this.log(
        'start',
        `stopped ${proc.spec.name} (${describeExit(info).replace(`${proc.spec.name} `, '')})`,
      );
    }
  }

  private spawn(spec: ChildSpec): ManagedProcess {
    if (this.closed) throw new Error(`not starting ${spec.name}: the stack is stopping`);
    const proc = new ManagedProcess(spec, this.log);
    this.children.push(proc);
    return proc;
  }
}
