/** Parses a supertest response's text as JSON (problem+json is not parsed by supertest on its own). */
export function jsonOf(response: { text: string }): Record<string, unknown> {
  return JSON.parse(response.text) as Record<string, unknown>;
}
