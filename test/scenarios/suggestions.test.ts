import type { Recommendation } from '../../src/advice/advice';
import { recommend } from '../support/advisor';

describe('what would change the answer', () => {
  describe('when the workload is a web service with every default', () => {
    let recommendation: Recommendation;

    beforeAll(async () => {
      recommendation = await recommend({ name: 'hello', workloadType: 'web' });
    });

    it('recommends Amazon ECS on AWS Fargate, with Amazon ECS Express Mode next', () => {
      expect(recommendation.platform.id).toBe('ecs-fargate');
      expect(recommendation.alternatives[1]?.platformId).toBe('ecs-express-mode');
    });

    it('suggests control level minimal alone, which makes Express Mode the answer', () => {
      expect(recommendation.suggestions).toEqual([
        {
          platformId: 'ecs-express-mode',
          changes: [{ path: 'control.level', from: 'standard', to: 'minimal' }],
          description:
            'Set control.level to "minimal" (now "standard") to make Amazon ECS Express Mode the answer.',
        },
      ]);
    });

    it('names that change in what would change, instead of describing preferences', () => {
      expect(recommendation.whatWouldChange[0]).toBe(
        'Amazon ECS Express Mode is next, 2 points behind: to make it the answer, set control.level to "minimal" (now "standard").',
      );
    });

    it('is right: with control level minimal, Express Mode is the answer', async () => {
      const changed = await recommend({ name: 'hello', workloadType: 'web', control: { level: 'minimal' } });
      expect(changed.platform.id).toBe('ecs-express-mode');
    });
  });

  describe('when a worker needs a GPU', () => {
    let recommendation: Recommendation;

    beforeAll(async () => {
      recommendation = await recommend({ name: 'trainer', workloadType: 'worker', control: { gpu: true } });
    });

    it('suggests giving up the GPU for Fargate, which would outscore the winner without it', () => {
      expect(recommendation.suggestions).toContainEqual({
        platformId: 'ecs-fargate',
        changes: [{ path: 'control.gpu', from: true, to: false }],
        description: 'Set control.gpu to false (now true) to make Amazon ECS on AWS Fargate the answer.',
      });
    });
  });
});
