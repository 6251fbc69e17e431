import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { valueAtPath } from '../../src/shared/json-value';

/** POSTs a value as a JSON body to /v1/recommendations. */
export function postRecommendation(app: Express, body: unknown): Promise<Response> {
  return postRaw(app, JSON.stringify(body));
}

/** POSTs text exactly as given (whitespace, key order, malformed JSON) as application/json. */
export function postRaw(app: Express, text: string, contentType = 'application/json'): Promise<Response> {
  return request(app).post('/v1/recommendations').set('Content-Type', contentType).send(text);
}

export const JSON_TYPE = /^application\/json(;|$)/;
export const PROBLEM_JSON_TYPE = /^application\/problem\+json(;|$)/;

/** What a response must never show a caller: an HTML page, or a stack trace and the files behind it. */
export const LEAKS = [
  /<html/i,
  /(\n|\\n)\s+at /,
  /\bat [^\s()]+ \([^)]*:\d+:\d+\)/,
  /\.(ts|js):\d+:\d+/,
  /node_modules/,
  /\bError: /,
];

/** Sets a dotted path in a copy of a request body, creating the objects on the way. */
export function withChange(body: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1] as string] = value;
  return copy;
}

/** The value at a dotted path. */
export function valueAt(value: unknown, path: string): unknown {
  return valueAtPath(value, path.split('.'));
}

/** A response as it came off the wire: the body's bytes exactly as sent, never decompressed. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request to an app listening on a free loopback port and returns the bytes it sent back.
 * supertest decompresses gzip and brotli answers on its own, which a test of those codings cannot use.
 */
export async function rawRequest(
  app: Express,
  request: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<RawResponse>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: request.method ?? 'GET',
          path: request.path,
          headers: request.headers,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              body: Buffer.concat(chunks),
            }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The base64url of a workload's JSON text, as GET /v1/recommendations takes it in `workload`. */
export function workloadParameter(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url');
}
