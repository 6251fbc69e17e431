/**
 * Wraps text into lines of at most `width` characters, the first starting with `first` and the others
 * with `rest` (a hanging indent). Without a width the text stays on one line: a model reads it whole.
 */
export function wrap(text: string, first: string, rest: string, width?: number): string[] {
  if (width === undefined) return [first + text];
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** A value as the messages quote it: strings in quotes, everything else as JSON. */
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
