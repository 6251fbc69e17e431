import { preferencesCases } from './preferences.cases';
import { describeScoreRules } from './rule-case';

describeScoreRules('preference rules', 'preferences', preferencesCases);
