import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/** A year: the assets' names carry a hash of their contents, so a new build has new names. */
const HASHED_ASSET_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The architect's workbench: the page at `/` (always revalidated, so a deployment is seen at once) and
 * its hashed assets under `/assets/` (cached for a year, immutable). Built into `directory` by Vite; when
 * it is not there (sources run without a build), `/` stays the JSON 404 it was.
 */
export function workbenchRouter(directory: string): Router {
  const router = Router();
  const indexHtml = join(directory, 'index.html');
  if (!existsSync(indexHtml)) return router;
  router.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(indexHtml, { cacheControl: false });
  });
  router.use(
    '/assets',
    express.static(join(directory, 'assets'), {
      immutable: true,
      maxAge: HASHED_ASSET_MAX_AGE_MS,
      index: false,
      fallthrough: true,
      redirect: false,
    }),
  );
  return router;
}
