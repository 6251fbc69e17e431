import { fromBase64Url, toBase64Url } from '../../src/workbench/api/base64url';

describe('base64url, as the GET form takes the workload', () => {
  it('encodes as Node.js does, without padding', () => {
    const text = JSON.stringify({ workloadType: 'web', name: 'café-api?>' });
    expect(toBase64Url(text)).toBe(Buffer.from(text, 'utf8').toString('base64url'));
  });

  it('decodes what it encodes, with or without padding', () => {
    const text = '{"name":"ü~~~"}';
    expect(fromBase64Url(toBase64Url(text))).toBe(text);
    expect(
      fromBase64Url(`${toBase64Url(text)}==`.slice(0, Math.ceil(toBase64Url(text).length / 4) * 4)),
    ).toBe(text);
  });
});
