/** Types of openapi-json-cache.cjs, for the TypeScript that imports it (its tests). */
/** Whether dist/openapi.json holds the parsed document of the current openapi.yaml under `root`. */
export function isOpenApiCacheCurrent(root?: string): boolean;
/** Parses openapi.yaml under `root` and writes dist/openapi.json with the YAML's SHA-256. */
export function writeOpenApiCache(root?: string): void;
