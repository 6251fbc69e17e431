import type { PlatformId } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import type { TemplateDocument } from '../generators/cloudformation/template';
import type { Suggestion } from './remedies';

export type Recommendation = components['schemas']['Recommendation'];

/** The 422 answer: every platform with the blockers that rule it out, and the smallest changes that would lift them. */
export interface NoEligiblePlatform {
  kind: 'no-eligible-platform';
  platforms: { platformId: PlatformId; name: string; blockers: string[] }[];
  suggestions: Suggestion[];
}

/** One signed change to the chosen platform's score, with its reason and the rule that made it. */
export interface ScoreContribution {
  points: number;
  reason: string;
  rule: string;
}

/**
 * The advisor's answer: a recommendation, or the reasons no platform fits and how to change that. A
 * recommendation comes with the chosen platform's score contributions as numbers (the answer carries
 * them as sentences in `alternatives[0].reasons`, in firing order), so a summary can show the largest. The
 * CloudFormation template of its starter files comes as data too, so an application's template is built
 * from its services' templates without parsing their YAML.
 */
export type Advice =
  | {
      kind: 'recommendation';
      recommendation: Recommendation;
      scoreContributions: ScoreContribution[];
      template: TemplateDocument;
    }
  | NoEligiblePlatform;
