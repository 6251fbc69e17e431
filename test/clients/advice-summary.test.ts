import { summarizeRecommendation } from '../../src/clients/advice-summary';
import { recommend } from '../support/advisor';

describe('the summary of a recommendation', () => {
  describe('when AWS Batch runs the job', () => {
    it('names the compute environment it chose and why', async () => {
      const summary = summarizeRecommendation(
        await recommend({ workloadType: 'batch', control: { gpu: true } }),
        { width: 200 },
      );
      expect(summary).toMatch(/^Compute: +EC2 compute environment, BEST_FIT_PROGRESSIVE$/m);
      expect(summary).toContain('so it runs on an EC2 compute environment');
    });
  });

  describe('when the platform has no compute environment', () => {
    it('says nothing about one', async () => {
      const summary = summarizeRecommendation(await recommend({ workloadType: 'web' }), { width: 200 });
      expect(summary).not.toMatch(/^Compute:/m);
    });
  });

  describe('when the platform is priced', () => {
    it('shows its monthly cost beside the platform', async () => {
      const recommendation = await recommend({ workloadType: 'web' });
      const cost = recommendation.platform.monthlyCost;
      const summary = summarizeRecommendation(recommendation, { width: 200 });
      expect(summary).toMatch(
        new RegExp(
          `^Monthly cost: +\\$${cost?.total.toFixed(2)} \\(USD, estimated; \\$${cost?.low.toFixed(2)} to \\$${cost?.high.toFixed(2)}\\)$`,
          'm',
        ),
      );
    });
  });

  describe('when the reasons fired in another order than their points', () => {
    it('shows the largest score contributions first', async () => {
      const recommendation = await recommend({ workloadType: 'web' });
      const [chosen, ...others] = recommendation.alternatives;
      if (chosen === undefined) throw new Error('a recommendation ranks its platform first');
      const reordered = {
        ...recommendation,
        alternatives: [
          { ...chosen, reasons: ['-5: a small penalty', '+3: a small gain', '+20: the deciding gain'] },
          ...others,
        ],
      };
      const why = summarizeRecommendation(reordered, { width: 200, topReasons: 2 })
        .split('Why this platform:\n')[1]
        ?.split('\n\n')[0];
      expect(why).toBe('  - +20: the deciding gain\n  - +3: a small gain');
    });
  });

  describe('when another platform would be the answer after a change', () => {
    it('prints each suggestion', async () => {
      const recommendation = await recommend({ workloadType: 'web' });
      const summary = summarizeRecommendation(recommendation, { width: 200 });
      expect(summary).toContain(
        'Changes that make another platform the answer:\n  - Set control.level to "minimal" (now "standard") to make Amazon ECS Express Mode the answer.',
      );
    });
  });
});
