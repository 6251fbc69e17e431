import { designDifferences } from '../../src/workbench/compare/variant-differences';
import { recommend } from '../support/advisor';
import { webWorkload } from '../support/workloads';

describe('comparing two variants', () => {
  it('lists no difference between an answer and itself', async () => {
    const answer = await recommend(webWorkload());
    expect(designDifferences(answer, answer)).toEqual([]);
  });

  it('lists the design fields that differ, and none of the explanations', async () => {
    const a = await recommend(webWorkload());
    const b = await recommend(webWorkload({ traffic: { exposure: 'private' } }));
    const paths = designDifferences(a, b).map((difference) => difference.path);
    expect(paths).toEqual(expect.arrayContaining(['workload.traffic.exposure', 'loadBalancer.scheme']));
    expect(paths.filter((path) => /^(rationale|alternatives|starterConfig|id)\b/.test(path))).toEqual([]);
  });
});
