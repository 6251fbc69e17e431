import type { PlatformId } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import type { Suggestion } from './remedies';

export type Recommendation = components['schemas']['Recommendation'];

/** The 422 answer: every platform with the blockers that rule it out, and the smallest changes that would lift them. */
export interface NoEligiblePlatform {
  kind: 'no-eligible-platform';
  platforms: { platformId: PlatformId; name: string; blockers: string[] }[];
  suggestions: Suggestion[];
}

/** The advisor's answer: a recommendation, or the reasons no platform fits and how to change that. */
export type Advice = { kind: 'recommendation'; recommendation: Recommendation } | NoEligiblePlatform;
