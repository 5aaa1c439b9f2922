export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

export const LOG_LEVELS = Object.keys(RANK) as LogLevel[];

/** Line logger with a level; each emulator has its own (no global logger). */
export class Logger {
  constructor(
    readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
    private readonly prefix = '',
  ) {}

  /** A logger whose lines carry a request id. */
  child(prefix: string): Logger {
    return new Logger(this.level, this.write, this.prefix + prefix + ' ');
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] <= RANK[this.level] && level !== 'silent';
  }

  error(message: string): void {
    this.log('error', message);
  }

  warn(message: string): void {
    this.log('warn', message);
  }

  info(message: string): void {
    this.log('info', message);
  }

  debug(message: string): void {
    this.log('debug', message);
  }

  private log(level: LogLevel, message: string): void {
    if (!this.enabled(level)) return;
    this.write(
      `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${this.prefix}${message}`,
    );
  }
}
