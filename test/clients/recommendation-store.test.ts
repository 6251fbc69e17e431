import { RecommendationStore } from '../../src/clients/mcp/recommendation-store';
import { normalize } from '../support/advisor';
import { webWorkload } from '../support/workloads';

const workload = (name: string) => normalize(webWorkload({ name }));

describe('RecommendationStore', () => {
  describe('when more recommendations are answered than it holds', () => {
    it('forgets the least recently used first', () => {
      const store = new RecommendationStore(2);
      store.remember('rec_a', workload('a'));
      store.remember('rec_b', workload('b'));
      expect(store.workloadOf('rec_a')?.name).toBe('a');
      store.remember('rec_c', workload('c'));
      expect(store.workloadOf('rec_b')).toBeUndefined();
      expect(store.workloadOf('rec_a')?.name).toBe('a');
      expect(store.workloadOf('rec_c')?.name).toBe('c');
    });
  });

  describe('when the same recommendation is answered again', () => {
    it('holds it once', () => {
      const store = new RecommendationStore(2);
      store.remember('rec_a', workload('a'));
      store.remember('rec_a', workload('a'));
      store.remember('rec_b', workload('b'));
      expect(store.workloadOf('rec_a')?.name).toBe('a');
      expect(store.workloadOf('rec_b')?.name).toBe('b');
    });
  });
});
