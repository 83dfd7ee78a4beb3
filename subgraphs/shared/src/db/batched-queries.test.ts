import type { Repository } from 'typeorm';
import { byIdLoader } from './batched-queries';

/** A repository whose database is gone: every query fails. */
const brokenRepository = {
  metadata: { tablePath: 'issuer.customers', columns: [] },
  query: () => Promise.reject(new Error('terminating connection due to administrator command')),
} as unknown as Repository<{ id: string }>;

it('reports a failed query as an error, never as "not found"', async () => {
  await expect(byIdLoader(brokenRepository).load('00000000-0000-4000-8000-000000000001')).rejects.toThrow(/terminating connection/);
});
