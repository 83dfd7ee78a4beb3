/**
 * There is no container engine here, so docker-compose.yml is checked against the code:
 * the services, their ports and every variable name must be what the services read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '../gateway/src/subgraph-catalog';
import { ENVIRONMENT_VARIABLES } from '../scripts/system/environment-variables';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const known = new Set(ENVIRONMENT_VARIABLES.map((v) => v.name));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, the three subgraphs and the gateway', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'gateway', ...SUBGRAPHS.map((s) => s.name)]));
  });

  it.each(SUBGRAPHS)('starts the $name subgraph on its port with its database URL', (entry) => {
    const service = compose.services[entry.name];
    expect(service.command?.join(' ')).toContain(`subgraphs/${entry.name}/src/main.ts`);
    expect(fs.existsSync(path.join(root, `subgraphs/${entry.name}/src/main.ts`))).toBe(true);
    expect(service.environment?.[entry.portEnv]).toBe(String(entry.defaultPort));
    expect(service.environment?.[entry.databaseUrlEnv]).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(service.ports).toContain(`${entry.defaultPort}:${entry.defaultPort}`);
    expect(service.depends_on?.postgres.condition).toBe('service_healthy');
    expect(service.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${entry.defaultPort}/readyz`);
  });

  it('points the gateway at every subgraph by service name and waits for them to be healthy', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command?.join(' ')).toContain('gateway/src/main.ts');
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(GATEWAY_DEFAULT_PORT));
    for (const entry of SUBGRAPHS) {
      expect(gateway.environment?.[entry.urlEnv]).toBe(`http://${entry.name}:${entry.defaultPort}/graphql`);
      expect(gateway.depends_on?.[entry.name].condition).toBe('service_healthy');
    }
    expect(gateway.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${GATEWAY_DEFAULT_PORT}/readyz`);
  });

  it('uses no variable the services do not read', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') continue;
      for (const variable of Object.keys(service.environment ?? {})) expect(known).toContain(variable);
    }
  });

  it('documents every variable in the README', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const variable of known) expect(readme).toContain(`\`${variable}\``);
  });
});
