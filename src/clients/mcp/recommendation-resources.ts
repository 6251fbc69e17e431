import type { ReadResourceResult, ResourceLink, ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import type { Recommendation } from '../../advice/advice';
import type { Advisor } from '../../advice/advisor';
import { RecommendationStore } from './recommendation-store';

const SCHEME = 'berth://recommendations/';
const JSON_MEDIA_TYPE = 'application/json';
const RECOMMENDATION_URI = /^berth:\/\/recommendations\/(rec_[0-9a-f]{24})(?:\/files\/(.+))?$/;

type StarterFile = Recommendation['starterConfig']['files'][number];

/** Where a stored recommendation's parts are, for the model that reads them. */
export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    uriTemplate: `${SCHEME}{id}`,
    name: 'recommendation',
    title: 'A whole recommendation',
    description:
      'The full answer of recommend_container_platform (rationale, IAM roles, cost lines, every starter file) as JSON.',
    mimeType: JSON_MEDIA_TYPE,
  },
  {
    uriTemplate: `${SCHEME}{id}/files/{+path}`,
    name: 'starter-file',
    title: 'A starter file of a recommendation',
    description: 'One starter file of a recommendation, at its path in starterConfig.files.',
  },
];

/** One starter file, or why there is none. */
export type StarterFileLookup =
  | { found: true; file: StarterFile }
  | { found: false; reason: 'unknown-recommendation' }
  | { found: false; reason: 'unknown-path'; paths: string[] };

/**
 * The recommendations the MCP tool answered, as resources: the full answer at
 * `berth://recommendations/{id}` and each starter file at `…/{id}/files/{path}`. The tool's result links
 * to them instead of carrying them, so a model pays for a file only when it reads it. What is kept is the
 * workload (see RecommendationStore), and reading evaluates it again: the same rules give the same answer.
 */
export class RecommendationResources {
  /** The answer read last: a model that reads several files of one answer evaluates it once. */
  private lastRead: Recommendation | undefined;

  constructor(
    private readonly advisor: Advisor,
    private readonly store = new RecommendationStore(),
  ) {}

  /** Keeps a recommendation readable, and links to its parts. */
  linksTo(recommendation: Recommendation): ResourceLink[] {
    this.store.remember(recommendation.id, recommendation.workload);
    return [
      {
        type: 'resource_link',
        uri: `${SCHEME}${recommendation.id}`,
        name: recommendation.id,
        description: 'The full recommendation as JSON',
        mimeType: JSON_MEDIA_TYPE,
      },
      ...recommendation.starterConfig.files.map(
        (file): ResourceLink => ({
          type: 'resource_link',
          uri: fileUri(recommendation.id, file.path),
          name: file.path,
          mimeType: file.mediaType,
        }),
      ),
    ];
  }

  /** The resource at a URI; undefined when it names nothing Berth holds. */
  async read(uri: string): Promise<ReadResourceResult | undefined> {
    const match = RECOMMENDATION_URI.exec(uri);
    const id = match?.[1];
    if (id === undefined) return undefined;
    const encodedPath = match?.[2];
    if (encodedPath === undefined) {
      const recommendation = await this.recommendation(id);
      if (recommendation === undefined) return undefined;
      return { contents: [{ uri, mimeType: JSON_MEDIA_TYPE, text: JSON.stringify(recommendation) }] };
    }
    const lookup = await this.starterFile(id, decodePath(encodedPath));
    if (!lookup.found) return undefined;
    return { contents: [{ uri, mimeType: lookup.file.mediaType, text: lookup.file.content }] };
  }

  /** One starter file of a recommendation the tool answered, by its path. */
  async starterFile(id: string, path: string): Promise<StarterFileLookup> {
    const recommendation = await this.recommendation(id);
    if (recommendation === undefined) return { found: false, reason: 'unknown-recommendation' };
    const file = recommendation.starterConfig.files.find((candidate) => candidate.path === path);
    if (file === undefined) {
      return {
        found: false,
        reason: 'unknown-path',
        paths: recommendation.starterConfig.files.map((candidate) => candidate.path),
      };
    }
    return { found: true, file };
  }

  private async recommendation(id: string): Promise<Recommendation | undefined> {
    if (this.lastRead?.id === id) return this.lastRead;
    const workload = this.store.workloadOf(id);
    if (workload === undefined) return undefined;
    const advice = await this.advisor.advise(workload);
    if (advice.kind !== 'recommendation' || advice.recommendation.id !== id) return undefined;
    this.lastRead = advice.recommendation;
    return advice.recommendation;
  }
}

/** A file's URI: its path's segments percent-encoded, its slashes kept (RFC 6570 reserved expansion). */
function fileUri(id: string, path: string): string {
  return `${SCHEME}${id}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function decodePath(encoded: string): string {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return encoded;
  }
}
