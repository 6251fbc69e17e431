import type { Workload } from '../../contract/workload';

/** How many recommendations the MCP server can still serve as resources. */
export const STORED_RECOMMENDATIONS = 1000;

/**
 * The workloads of the latest recommendations the MCP tool answered, by recommendation id, so their
 * resources (the full answer, each starter file) can be read later: a least-recently-used map bounded by
 * count. It keeps the validated workload (a few hundred bytes) rather than the answer (tens of KB),
 * because answers are deterministic: reading a resource evaluates the workload again, and the same rules
 * give the same answer with the same id. A resource URI holds only the id, which costs a model a few
 * tokens; a URI holding the workload would cost hundreds per link. The store lives as long as the
 * process: after a restart, or on another replica, a model calls the tool again to get its links back.
 */
export class RecommendationStore {
  private readonly workloads = new Map<string, Workload>();

  constructor(private readonly capacity = STORED_RECOMMENDATIONS) {}

  remember(id: string, workload: Workload): void {
    this.workloads.delete(id);
    this.workloads.set(id, workload);
    for (const oldest of this.workloads.keys()) {
      if (this.workloads.size <= this.capacity) break;
      this.workloads.delete(oldest);
    }
  }

  workloadOf(id: string): Workload | undefined {
    const workload = this.workloads.get(id);
    if (workload !== undefined) this.remember(id, workload);
    return workload;
  }
}
