import { valueAt, withChanges, withValueAt } from '../../src/workbench/workload/workload-paths';

describe('workload paths', () => {
  it('reads a nested value, and undefined where there is none', () => {
    const workload = { traffic: { protocol: 'https' }, awsAccess: [{ service: 's3' }] };
    expect(valueAt(workload, 'traffic.protocol')).toBe('https');
    expect(valueAt(workload, 'awsAccess.0.service')).toBe('s3');
    expect(valueAt(workload, 'control.os')).toBeUndefined();
  });

  it('sets a nested value without changing the original', () => {
    const workload = { workloadType: 'web' };
    expect(withValueAt(workload, 'control.os', 'windows')).toEqual({
      workloadType: 'web',
      control: { os: 'windows' },
    });
    expect(workload).toEqual({ workloadType: 'web' });
  });

  it('removes a value set to undefined, and the object it leaves empty', () => {
    expect(withValueAt({ workloadType: 'web', control: { os: 'windows' } }, 'control.os', undefined)).toEqual(
      {
        workloadType: 'web',
      },
    );
  });

  it("applies a suggestion's changes", () => {
    const workload = { workloadType: 'web', persistence: { type: 'windows-file' } };
    expect(
      withChanges(workload, [
        { path: 'control.os', from: 'linux', to: 'windows' },
        { path: 'control.level', to: 'full' },
      ]),
    ).toEqual({ ...workload, control: { os: 'windows', level: 'full' } });
  });
});
