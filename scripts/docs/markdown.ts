/**
 * Generated blocks in Markdown pages: `<!-- example:NAME -->` … `<!-- /example -->`. Everything between
 * the markers belongs to the generator; everything outside them is written by hand.
 */
const BLOCK = /(<!-- example:([a-z0-9-]+) -->\n)([\s\S]*?)(<!-- \/example -->)/g;

export interface Block {
  readonly name: string;
  readonly content: string;
}

export function blocksOf(page: string): Block[] {
  return [...page.matchAll(BLOCK)].map((match) => ({ name: match[2] ?? '', content: match[3] ?? '' }));
}

/** The page with each block's content replaced by `contentOf(name)`. */
export function withBlocks(page: string, contentOf: (name: string) => string): string {
  return page.replace(BLOCK, (_match, open: string, name: string, _content: string, close: string) => {
    return `${open}${contentOf(name)}${close}`;
  });
}

/** A fenced code block; the fence is longer than any backtick run inside. */
export function fence(language: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${marks}\n`;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The first or last `count` lines of a command's output, as `head -n` / `tail -n` print them. */
export function lines(text: string, end: 'head' | 'tail', count: number): string {
  const all = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const kept = end === 'head' ? all.slice(0, count) : all.slice(-count);
  return `${kept.join('\n')}\n`;
}
