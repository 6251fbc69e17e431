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
});
