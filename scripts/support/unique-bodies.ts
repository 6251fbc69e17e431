import { createHash } from 'node:crypto';

/**
 * An endless supply of request bodies the server has never been sent: the generated bodies once each,
 * then again with a `name` no earlier pass used (the answer cache is keyed by the body's bytes, so a new
 * name is a new entry; the evaluation is the same work). Every body handed out is recorded by hash, so
 * the bench can show that none repeated.
 */
export class UniqueBodies {
  private next = 0;
  private readonly handedOut = new Set<string>();
  private readonly generated: readonly Record<string, unknown>[];

  constructor(bodies: readonly string[]) {
    if (bodies.length === 0) throw new Error('no bodies to send');
    this.generated = bodies.map((body) => JSON.parse(body) as Record<string, unknown>);
  }

  take(): string {
    const index = this.next % this.generated.length;
    const pass = Math.floor(this.next / this.generated.length);
    this.next += 1;
    const request = this.generated[index] ?? {};
    const name = typeof request.name === 'string' ? request.name : 'app';
    const body = JSON.stringify(pass === 0 ? request : { ...request, name: `${name}-pass-${pass}` });
    this.handedOut.add(createHash('sha256').update(body).digest('base64'));
    return body;
  }

  /** How many bodies were handed out. */
  get sent(): number {
    return this.next;
  }

  /** How many of them were distinct (equal to `sent` unless something is wrong). */
  get distinct(): number {
    return this.handedOut.size;
  }

  /** How many full passes over the generated bodies were started after the first. */
  get renamedPasses(): number {
    return Math.max(0, Math.ceil(this.next / this.generated.length) - 1);
  }
}
