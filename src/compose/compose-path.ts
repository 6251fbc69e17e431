/**
 * A place inside a Compose file, written as the contract writes it: `services.db.ports[1]`. A key that is
 * not a plain word (Compose service names may hold dots) is quoted: `services["api.v2"].image`.
 */
export type ComposePath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

export function formatComposePath(path: ComposePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
