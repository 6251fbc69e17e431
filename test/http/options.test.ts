import request from 'supertest';
import { testApp } from '../support/app';

describe('OPTIONS', () => {
  const app = testApp();

  describe('on a known path', () => {
    it.each([
      ['/v1/recommendations', 'GET, HEAD, POST, OPTIONS'],
      ['/v1/platforms', 'GET, HEAD, OPTIONS'],
      ['/healthz', 'GET, HEAD, OPTIONS'],
    ])('answers 204 for %s with the methods it accepts in Allow', async (path, allow) => {
      const response = await request(app).options(path);
      expect(response.status).toBe(204);
      expect(response.headers.allow).toBe(allow);
      expect(response.text).toBe('');
    });
  });

  describe('on an unknown path', () => {
    it('answers 404 problem+json', async () => {
      const response = await request(app).options('/v2/nothing');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
