/**
 * `npm run permissions:docs`: writes the README's permission table from the table in the
 * service kit (service-kit/src/auth/permissions.ts). `-- --check` only says whether the
 * README is current.
 */
import { withPermissionsTable } from '@cardweave/service-kit/permissions';
import { writeReadmeTable } from './readme-table';

writeReadmeTable('permission table is', 'npm run permissions:docs', withPermissionsTable);
