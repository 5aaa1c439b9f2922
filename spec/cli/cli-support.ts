import { ChildProcess, execFileSync, spawn } from 'child_process';
import { readdirSync, statSync } from 'fs';
import path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/cos-emulator.js');

/**
 * Specs that spawn the CLI run the compiled dist/, as users do. `npm test` builds first; when a
 * spec runs alone and dist/ is older than src/, build it here.
 */
export function ensureBuilt(): void {
  const built = path.join(ROOT, 'dist/cli/index.js');
  const builtAt = mtime(built);
  if (builtAt !== undefined && newestSource(path.join(ROOT, 'src')) <= builtAt) return;
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.build.json'];
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
}

function mtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : (mtime(full) ?? 0));
  }
  return newest;
}

/** Env for a child: COS_EMULATOR_* variables of this process are not inherited. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('COS_EMULATOR_')),
  );
  return { ...env, ...extra };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env) });
    collect(child).then(resolve);
  });
}

function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A CLI server that is running: its url (from the ready line) and a way to wait for its end. */
export interface RunningCli {
  child: ChildProcess;
  url: string;
  /** Everything printed to standard output up to and including the banner. */
  readyOutput(): string;
  exited: Promise<CliRun>;
}

/** Starts the CLI and resolves once it has printed its ready line. */
export function startCli(args: string[], env: Record<string, string> = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env) });
  const exited = collect(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /^cos-emulator listening on (http:\/\/\S+)\n/.exec(output);
      if (match) resolve({ child, url: match[1], readyOutput: () => output, exited });
    });
    exited.then((run) => reject(new Error(`the CLI exited early: ${run.stderr}`)));
  });
}
