import { type IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Sent {
  /** Settles once the connection is open and everything but the held-back bytes is written. */
  written: Promise<void>;
  /** Writes the held-back end of the body. */
  finish(): void;
  answer: Promise<Answer>;
}

/**
 * Sends a request on a connection of its own (no agent, no keep-alive reuse), holding back the last
 * `holdBack` bytes of the body until finish() is called: a request that is in flight for as long as the
 * test wants.
 */
export function send(
  port: number,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    holdBack?: number;
  },
): Sent {
  const body = Buffer.from(options.body ?? '');
  const holdBack = Math.min(options.holdBack ?? 0, body.length);
  const req = request({
    host: '127.0.0.1',
    port,
    method: options.method,
    path: options.path,
    agent: false,
    headers: { ...options.headers, 'content-length': String(body.length) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('aborted', () => reject(new Error('the answer was cut short')));
      response.once('end', () => {
        if (!response.complete) reject(new Error('the answer was cut short'));
        else
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          });
      });
    });
  });
  // Errors are reported through `answer`; `written` only says whether the bytes left.
  answer.catch(() => undefined);
  const written = new Promise<void>((resolve, reject) => {
    req.once('error', reject);
    req.write(body.subarray(0, body.length - holdBack), () => resolve());
  });
  written.catch(() => undefined);
  if (holdBack === 0) req.end();
  return {
    written,
    finish: () => {
      if (holdBack > 0) req.end(body.subarray(body.length - holdBack));
    },
    answer,
  };
}

/**
 * Opens a connection and writes the start of a request's head without the blank line that ends it;
 * finish() writes the rest. Resolves the raw answer once the server closes the connection.
 */
export function sendRawHead(
  port: number,
  head: string,
): { written: Promise<void>; finish(): void; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString();
  });
  const answer = new Promise<string>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', () => resolve(received));
  });
  answer.catch(() => undefined);
  const written = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => socket.write(head, () => resolve()));
  });
  written.catch(() => undefined);
  return { written, finish: () => socket.write('\r\n'), answer };
}
