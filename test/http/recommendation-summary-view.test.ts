import request from 'supertest';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { webWorkload } from '../support/workloads';
import { JSON_TYPE, PROBLEM_JSON_TYPE, workloadParameter } from './requests';

const app = testApp();
const JSON_TEXT = JSON.stringify(webWorkload({ name: 'summarized', traffic: { protocol: 'https' } }));
const GET_PATH = `/v1/recommendations?workload=${workloadParameter(JSON_TEXT)}`;

const get = (path: string) => request(app).get(path).set('Accept-Encoding', 'identity');
const post = (query: string) =>
  request(app)
    .post(`/v1/recommendations${query}`)
    .set('Content-Type', 'application/json')
    .set('Accept-Encoding', 'identity')
    .send(JSON_TEXT);

describe('POST and GET /v1/recommendations?view=summary', () => {
  describe('when view is summary', () => {
    it('answers a RecommendationSummary of a few KB, with the id of the full answer', async () => {
      const summary = await post('?view=summary');
      const full = await post('');
      expect(summary.status).toBe(200);
      expect(summary.headers['content-type']).toMatch(JSON_TYPE);
      expect(schemaErrors('RecommendationSummary', jsonOf(summary))).toEqual([]);
      expect(jsonOf(summary).id).toBe(jsonOf(full).id);
      expect(Buffer.byteLength(summary.text)).toBeLessThan(6 * 1024);
      expect(Buffer.byteLength(summary.text)).toBeLessThan(Buffer.byteLength(full.text) / 5);
    });

    it('names its fields as the full answer does, with the same values', async () => {
      const summary = jsonOf(await post('?view=summary'));
      const full = jsonOf(await post(''));
      const platform = full.platform as { id: string; monthlyCost: { total: number } };
      expect(summary.platform).toEqual(
        expect.objectContaining({
          id: platform.id,
          monthlyCost: { total: platform.monthlyCost.total, currency: 'USD' },
        }),
      );
      expect(summary.warnings).toEqual(full.warnings);
      expect(summary.whatWouldChange).toEqual(full.whatWouldChange);
      const alternatives = full.alternatives as { platformId: string; score: number }[];
      expect(summary.alternatives).toEqual(
        alternatives.map(({ platformId, score }) => expect.objectContaining({ platformId, score })),
      );
    });

    it('gives as reasons the largest score contributions, largest first', async () => {
      const summary = jsonOf(await post('?view=summary'));
      const full = jsonOf(await post(''));
      const points = (reason: string) => Math.abs(Number.parseInt(reason, 10));
      const reasons = summary.reasons as string[];
      const all = ((full.alternatives as { reasons: string[] }[])[0]?.reasons ?? []).map(points);
      expect(reasons.map(points)).toEqual([...all].sort((a, b) => b - a).slice(0, reasons.length));
      expect(reasons.length).toBe(Math.min(3, all.length));
    });

    it('answers the GET form with the same bytes as the POST, and its own ETag, 304 on If-None-Match', async () => {
      const got = await get(`${GET_PATH}&view=summary`);
      const posted = await post('?view=summary');
      const full = await get(GET_PATH);
      expect(got.text).toBe(posted.text);
      expect(got.headers.etag).toBe(posted.headers.etag);
      expect(got.headers.etag).not.toBe(full.headers.etag);
      expect(got.headers['cache-control']).toBe('max-age=3600');
      const revalidated = await get(`${GET_PATH}&view=summary`).set(
        'If-None-Match',
        String(got.headers.etag),
      );
      expect(revalidated.status).toBe(304);
    });

    it('keeps the full answer unchanged for view=full, the default', async () => {
      expect((await post('?view=full')).text).toBe((await post('')).text);
    });

    it('still answers format=zip with the starter configuration', async () => {
      const zip = await post('?view=summary&format=zip');
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
    });
  });

  describe('when view is not a view', () => {
    it.each([
      ['POST', () => post('?view=short')],
      ['GET', () => get(`${GET_PATH}&view=short`)],
    ])('answers the %s with a 400 naming the allowed values', async (_method, send) => {
      const response = await send();
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      expect(schemaErrors('ValidationProblem', jsonOf(response))).toEqual([]);
      expect(jsonOf(response).errors).toEqual([
        expect.objectContaining({ path: 'view', received: 'short', allowed: ['full', 'summary'] }),
      ]);
    });
  });
});
