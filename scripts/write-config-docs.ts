/**
 * `npm run config:docs`: writes the README's configuration table from the table of
 * variables in the service kit. `-- --check` only says whether the README is current.
 */
import { withConfigTable } from '@cardweave/service-kit';
import { writeReadmeTable } from './readme-table';

writeReadmeTable('configuration table is', 'npm run config:docs', withConfigTable);
