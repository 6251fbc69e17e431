import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

// Only the languages starter files are written in (the core alone carries none), to keep the page small.
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('dockerfile', dockerfile);
hljs.registerLanguage('json', json);
hljs.registerLanguage('markdown', markdown);
hljs.registerLanguage('xml', xml);
hljs.registerLanguage('yaml', yaml);

const BY_EXTENSION: Record<string, string> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  md: 'markdown',
  sh: 'bash',
  drawio: 'xml',
  svg: 'xml',
  xml: 'xml',
};

/** The highlight.js language of a starter file, from its name; undefined for plain text. */
export function languageOf(path: string): string | undefined {
  const name = path.split('/').pop() ?? path;
  if (name === 'Dockerfile') return 'dockerfile';
  const extension = name.includes('.') ? name.split('.').pop() : undefined;
  return extension === undefined ? undefined : BY_EXTENSION[extension.toLowerCase()];
}

/**
 * The file's text as highlighted HTML (highlight.js escapes the text, so it cannot inject markup), or
 * undefined for a file in no known language, which is shown as plain text.
 */
export function highlightedHtml(path: string, content: string): string | undefined {
  const language = languageOf(path);
  if (language === undefined) return undefined;
  return hljs.highlight(content, { language, ignoreIllegals: true }).value;
}
