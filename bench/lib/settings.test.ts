import { BENCH_VARIABLES, benchSetting, requiredBenchSetting } from './settings';

describe('benchmark settings', () => {
  it('take their defaults when unset', () => {
    expect(benchSetting('BENCH_CONNECTIONS', {})).toBe(50);
    expect(benchSetting('BENCH_NODE_ENV', {})).toBe('production');
    expect(benchSetting('BENCH_ONLY', {})).toBeUndefined();
  });

  it('parse what is set, and stop on a value that is not one (no NaN run)', () => {
    expect(benchSetting('BENCH_RATE', { BENCH_RATE: '40' })).toBe(40);
    expect(benchSetting('BENCH_ONLY', { BENCH_ONLY: 'cardweave, limit' })).toEqual(['cardweave', 'limit']);
    expect(() => benchSetting('BENCH_DURATION', { BENCH_DURATION: '10s' })).toThrow(
      'BENCH_DURATION must be a whole number from 1 to 3600, got "10s"',
    );
    expect(() => benchSetting('BENCH_BUILD', { BENCH_BUILD: 'yes' })).toThrow('BENCH_BUILD must be one of tsx, 0, got "yes"');
  });

  it('require what the harness always hands its child processes', () => {
    expect(() => requiredBenchSetting('BENCH_SUBGRAPH', {})).toThrow('BENCH_SUBGRAPH is required');
    expect(requiredBenchSetting('BENCH_SUBGRAPH', { BENCH_SUBGRAPH: 'wallet' })).toBe('wallet');
  });

  it.each(Object.keys(BENCH_VARIABLES))('%s is a BENCH_ variable', (name) => {
    expect(name).toMatch(/^BENCH_[A-Z_]+$/);
  });
});
