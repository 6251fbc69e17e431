import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../../src/shared/json-value';

/**
 * docs/sources.md's tables, generated from the `source` and `sources` fields of rules/ so the page cannot
 * drift from what the rules and the catalogue cite.
 */

interface Citation {
  /** Where it is cited: the rule, or the catalogue entry. */
  readonly where: string;
  readonly source: string;
}

const SEED_SECTIONS = JSON.parse(readFileSync(join(__dirname, 'seed-sections.json'), 'utf8')) as {
  pages: Record<string, string>;
};

/** A list item named by its `id` or `name`, else by its position. */
function itemLabel(item: unknown, index: number): string {
  if (isRecord(item) && typeof item.id === 'string') return item.id;
  if (isRecord(item) && typeof item.name === 'string') return item.name;
  return String(index);
}

/** The lists whose items are labelled by their own names: the list's key would only repeat the file's. */
const NAMED_LISTS = new Set(['rules', 'platforms', 'models']);

function* citations(value: unknown, path: readonly string[]): Generator<Citation> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* citations(item, [...path, itemLabel(item, index)]);
    return;
  }
  if (!isRecord(value)) return;
  const where = path.join('/');
  for (const [key, field] of Object.entries(value)) {
    if (key === 'source' && typeof field === 'string') {
      for (const part of field.split(/\s*;\s+/)) yield checkedPublic({ where, source: part });
    } else if (key === 'sources' && Array.isArray(field)) {
      for (const part of field) if (typeof part === 'string') yield checkedPublic({ where, source: part });
    } else {
      yield* citations(field, NAMED_LISTS.has(key) ? path : [...path, key]);
    }
  }
}

function jsonFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** A source is public: never a path on someone's machine or outside the repository. */
function checkedPublic(citation: Citation): Citation {
  if (/(^|\s)(\.\.\/|\/work\/|\/home\/|\/tmp\/)/.test(citation.source))
    throw new Error(`${citation.where} cites a local path, not a public source: "${citation.source}"`);
  return citation;
}

function sourceCell(source: string): string {
  if (/^https?:\/\/\S+$/.test(source)) return `<${source}>`;
  const page = SEED_SECTIONS.pages[source];
  return page === undefined ? cell(source) : `${cell(source)}: <${page}>`;
}

/** One row per source, with everything that cites it. */
function bySource(found: Citation[]): string {
  const rows = new Map<string, Set<string>>();
  for (const { where, source } of found) rows.set(source, (rows.get(source) ?? new Set()).add(where));
  const lines = ['| Source | Cited by |', '| --- | --- |'];
  for (const [source, where] of [...rows].sort(([a], [b]) => a.localeCompare(b, 'en')))
    lines.push(`| ${sourceCell(source)} | ${cell([...where].join(', '))} |`);
  return `${lines.join('\n')}\n`;
}

interface PriceEntry {
  service: string;
  dimension: string;
  unit: string;
  price: number;
  status: string;
  sources: string[];
}

function pricesTable(
  file: string,
  table: { region: string; asOf: string; prices: Record<string, PriceEntry> },
) {
  const lines = [
    `\`rules/catalogue/${file}\`: ${table.region}, as of ${table.asOf}.`,
    '',
    '| Price | Service, dimension | Value | Status | Sources |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [key, entry] of Object.entries(table.prices))
    lines.push(
      `| \`${key}\` | ${cell(`${entry.service}, ${entry.dimension}`)} | ${entry.price} ${cell(entry.unit)} | ${cell(entry.status)} | ${cell(entry.sources.join('; '))} |`,
    );
  return `${lines.join('\n')}\n`;
}

export function sourcesTable(projectRoot: string): string {
  const rulesDir = join(projectRoot, 'rules');
  const catalogueDir = join(rulesDir, 'catalogue');
  const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const cited = (directory: string, file: string): Citation[] => {
    return [...citations(read(join(directory, file)), [file.replace(/\.json$/, '')])];
  };
  const ruleCitations = jsonFiles(rulesDir).flatMap((file) => cited(rulesDir, file));
  const priceFiles = jsonFiles(catalogueDir).filter((file) => file.startsWith('prices-'));
  const catalogueCitations = jsonFiles(catalogueDir)
    .filter((file) => !priceFiles.includes(file))
    .flatMap((file) => cited(catalogueDir, file));
  return [
    '### What the rules cite\n',
    bySource(ruleCitations),
    '### What the catalogue cites\n',
    bySource(catalogueCitations),
    '### Prices\n',
    ...priceFiles.map((file) =>
      pricesTable(file, read(join(catalogueDir, file)) as Parameters<typeof pricesTable>[1]),
    ),
  ].join('\n');
}
