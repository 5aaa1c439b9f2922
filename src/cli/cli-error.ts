/** A failure the CLI explains in one paragraph and exits non-zero for, with no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The one-paragraph explanation of why the emulator could not start on its address. */
export function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): CliError {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new CliError(
        `cannot listen on ${where}: the port is already in use. Stop the other process, choose ` +
          'another port with --port (or COS_EMULATOR_PORT), or use --port 0 for a free one.',
      );
    case 'EACCES':
      return new CliError(
        `cannot listen on ${where}: permission denied. Ports below 1024 need privileges; ` +
          'choose a higher one with --port.',
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new CliError(
        `cannot listen on ${where}: ${host} is not an address of this machine. ` +
          'Use --host 127.0.0.1 (default) or 0.0.0.0 for every interface.',
      );
    default:
      return new CliError(`cannot listen on ${where}: ${error.message}`);
  }
}
