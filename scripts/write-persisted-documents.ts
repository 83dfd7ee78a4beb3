/**
 * Writes gateway/persisted-documents.json, the manifest of trusted operations a gateway in
 * persisted-documents mode (GATEWAY_PERSISTED_ONLY=1) accepts and nothing else: every checked-in
 * client operation by the SHA-256 of its text. `npm run persisted-documents`; a test fails when stale.
 */
import * as fs from 'node:fs';
import { PERSISTED_DOCUMENTS_FILE, persistedDocumentStore } from '@cardweave/gateway';

export function persistedDocumentsManifest(): string {
  const entries = [...persistedDocumentStore().entries()].sort(([a], [b]) => a.localeCompare(b));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(PERSISTED_DOCUMENTS_FILE, persistedDocumentsManifest());
  console.log(`wrote ${PERSISTED_DOCUMENTS_FILE}`);
}
