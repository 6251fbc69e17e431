import { highlightedHtml, languageOf } from '../../src/workbench/starter-files/highlight-file';

describe('highlighting a starter file', () => {
  const cases: { path: string; language: string | undefined }[] = [
    { path: 'cloudformation/template.yaml', language: 'yaml' },
    { path: 'eks/cluster.yml', language: 'yaml' },
    { path: 'ecs/task-definition.json', language: 'json' },
    { path: 'README.md', language: 'markdown' },
    { path: 'scripts/deploy.sh', language: 'bash' },
    { path: 'architecture.drawio', language: 'xml' },
    { path: 'Dockerfile', language: 'dockerfile' },
    { path: 'NOTICE', language: undefined },
  ];
  it.each(cases)('reads $path as $language', ({ path, language }) => {
    expect(languageOf(path)).toBe(language);
  });

  it('escapes the text, so a file cannot inject markup', () => {
    const html = highlightedHtml('notes.md', '<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;');
  });

  it('leaves a file in no known language to be shown as plain text', () => {
    expect(highlightedHtml('NOTICE', 'text')).toBeUndefined();
  });
});
