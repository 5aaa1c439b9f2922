import { Readable } from 'stream';

/**
 * How much of a refused body is read and dropped so that the error can still be answered on the
 * same connection; a client that keeps sending past this loses the connection instead.
 */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads the rest of a body whose bytes are no longer wanted, up to `limit`, then destroys it.
 * Resolves when the body has ended, failed or been given up on; never rejects.
 */
export function drainRest(input: Readable, limit = MAX_DRAIN_BYTES): Promise<void> {
  return new Promise((resolve) => {
    if (input.readableEnded || input.destroyed) return resolve();
    let drained = 0;
    const finish = () => {
      input.off('data', onData);
      input.off('end', finish);
      input.off('error', finish);
      input.off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained <= limit) return;
      finish();
      input.destroy();
    };
    input.on('data', onData);
    input.once('end', finish);
    input.once('error', finish);
    input.once('close', finish);
    input.resume();
  });
}

/**
 * The chunks of a body, in a loop that may stop early (a refusal) without destroying the body:
 * the caller drains it and answers the error on a connection that still works.
 */
export function chunksOf(input: Readable): AsyncIterable<Buffer> {
  return input.iterator({ destroyOnReturn: false });
}

/**
 * Feeds each chunk of a body to `accept` as it arrives, resolving at its end. Events instead of
 * an async iterator: a 1 KiB PUT spends a tenth of its time in iterator plumbing otherwise
 * (bench/, small objects). If `accept` throws, reading stops and the promise rejects with that
 * error, the body left for the caller to drain; a body cut short rejects like `finished()`.
 */
export function eachChunk(input: Readable, accept: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (input.readableEnded) return resolve();
    const stop = () => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      try {
        accept(chunk);
      } catch (error) {
        stop();
        input.pause();
        reject(error);
      }
    };
    const onEnd = () => {
      stop();
      resolve();
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('error', onError);
    input.on('close', onClose);
  });
}
