import { ConfigError, configValue, configValueFor, configValueIfSet, readConfig, requiredConfigValue } from './read';
import { CONFIG_VARIABLES, type ConfigVariable } from './variables';

describe('configValue', () => {
  it('parses the value by the table', () => {
    expect(configValue('GATEWAY_MAX_DEPTH', { GATEWAY_MAX_DEPTH: '20' })).toBe(20);
    expect(configValue('GATEWAY_PERSISTED_ONLY', { GATEWAY_PERSISTED_ONLY: '1' })).toBe(true);
    expect(configValue('ISSUER_URL', { ISSUER_URL: ' http://issuer:4001/graphql ' })).toBe('http://issuer:4001/graphql');
  });

  it('takes the default when the variable is unset, empty or blank', () => {
    for (const env of [{}, { GATEWAY_PORT: '' }, { GATEWAY_PORT: '  ' }]) expect(configValue('GATEWAY_PORT', env)).toBe(4000);
    expect(configValue('NODE_ENV', {})).toBe('development');
  });

  it('reads as undefined when unset without a default', () => {
    expect(configValue('DATABASE_URL', {})).toBeUndefined();
    expect(configValue('CARDWEAVE_DEMO_DATA', { CARDWEAVE_DEMO_DATA: '' })).toBeUndefined();
  });

  it('never lets NaN through: a bad number stops with the variable, what it expects and the value', () => {
    expect(() => configValue('GATEWAY_SUBGRAPH_TIMEOUT_MS', { GATEWAY_SUBGRAPH_TIMEOUT_MS: 'NaN' })).toThrow(
      new ConfigError('GATEWAY_SUBGRAPH_TIMEOUT_MS must be a whole number from 1 to 2147483647 (milliseconds), got "NaN"'),
    );
    expect(() => configValue('GATEWAY_READ_RETRIES', { GATEWAY_READ_RETRIES: 'two' })).toThrow(/GATEWAY_READ_RETRIES must be .*got "two"/);
    expect(() => configValue('DEMO_CUSTOMERS', { DEMO_CUSTOMERS: '0' })).toThrow(/DEMO_CUSTOMERS must be a whole number from 1 to/);
    expect(() => configValue('GATEWAY_PORT', { GATEWAY_PORT: '70000' })).toThrow(
      'GATEWAY_PORT must be a port number from 0 to 65535, got "70000"',
    );
  });

  it('keeps a secret value out of its error', () => {
    const password = 'hunter2-not-a-url';
    const error = (() => {
      try {
        configValue('DATABASE_URL', { DATABASE_URL: password });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe(
      `DATABASE_URL must be a URL (postgres:, postgresql:), got a value of ${password.length} characters (not shown)`,
    );
    expect(error?.message).not.toContain(password);
  });

  it('refuses a name that is not in the table', () => {
    expect(() => configValue('NOT_A_VARIABLE' as 'HOST', {})).toThrow(/NOT_A_VARIABLE is not a configuration variable/);
  });
});

describe('configValueIfSet', () => {
  it('parses a set value and gives undefined, not the default, when unset', () => {
    expect(configValueIfSet('GATEWAY_PORT', { GATEWAY_PORT: '4100' })).toBe(4100);
    expect(configValueIfSet('GATEWAY_PORT', { GATEWAY_PORT: '' })).toBeUndefined();
    expect(() => configValueIfSet('GATEWAY_PORT', { GATEWAY_PORT: 'NaN' })).toThrow(
      'GATEWAY_PORT must be a port number from 0 to 65535, got "NaN"',
    );
  });
});

describe('configValueFor and requiredConfigValue', () => {
  it('gives each service its own default', () => {
    expect(configValueFor('HOP_TIMEOUT_MS', 'wallet', {})).toBe(4_000);
    expect(configValueFor('HOP_TIMEOUT_MS', 'clearing', {})).toBe(3_000);
    expect(configValueFor('HOP_TIMEOUT_MS', 'wallet', { HOP_TIMEOUT_MS: '250' })).toBe(250);
    expect(() => configValueFor('HOP_TIMEOUT_MS', 'gateway', {})).toThrow('HOP_TIMEOUT_MS has no default for the gateway service');
  });

  it('requires what a service cannot start without', () => {
    expect(() => requiredConfigValue('ISSUER_DATABASE_URL', {})).toThrow('ISSUER_DATABASE_URL is required');
    expect(requiredConfigValue('ISSUER_DATABASE_URL', { ISSUER_DATABASE_URL: 'postgres://db/cardweave' })).toBe('postgres://db/cardweave');
  });
});

describe('readConfig', () => {
  it('reads every variable, defaults included', () => {
    const config = readConfig({ WALLET_PORT: '5002' });
    expect(config.WALLET_PORT).toBe(5002);
    expect(config.GATEWAY_MAX_COST).toBe(20_000);
    expect(Object.keys(config)).toEqual(Object.keys(CONFIG_VARIABLES));
  });

  it('names every bad value at once', () => {
    expect(() => readConfig({ GATEWAY_PORT: 'x', LOG_LEVEL: 'loud', GATEWAY_MAX_DEPTH: '12' })).toThrow(
      'GATEWAY_PORT must be a port number from 0 to 65535, got "x"; LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, got "loud"',
    );
  });
});

describe('the table', () => {
  it.each(Object.entries(CONFIG_VARIABLES as Record<string, ConfigVariable<unknown>>))(
    '%s: is described, names its readers and its defaults are values its parser gives',
    (_name, variable) => {
      expect(variable.description.length).toBeGreaterThan(10);
      expect(variable.readBy).not.toBe('');
      for (const fallback of [variable.default, ...Object.values(variable.defaultFor ?? {})]) {
        if (fallback === undefined) continue;
        const shown = fallback instanceof Date ? fallback.toISOString() : String(fallback);
        expect(variable.parser.parse(typeof fallback === 'boolean' ? (fallback ? '1' : '0') : shown)).toEqual(fallback);
      }
    },
  );
});
