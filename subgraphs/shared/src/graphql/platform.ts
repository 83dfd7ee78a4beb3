/** GraphQL shapes of what adapters declare: platforms and localized text. */
import type { AdapterRegistry, LocalizedText, PlatformAdapter } from '@cardweave/adapter-sdk';

export interface LocalizedTextModel {
  zhCN: string;
  en: string;
}

export interface PlatformModel {
  id: string;
  role: 'ISSUER' | 'WALLET' | 'CLEARING';
  displayName: LocalizedTextModel;
}

export function localized(text: LocalizedText): LocalizedTextModel {
  return { zhCN: text['zh-CN'], en: text.en };
}

export function platformOf(adapter: PlatformAdapter): PlatformModel {
  return {
    id: adapter.manifest.id,
    role: adapter.manifest.role.toUpperCase() as PlatformModel['role'],
    displayName: localized(adapter.manifest.displayName),
  };
}

/**
 * A platform named by id in stored data. When its adapter is not loaded here (it was
 * removed from the configuration since), the id still shows, so history stays readable.
 */
export function platformById(registry: AdapterRegistry, id: string, role: PlatformModel['role']): PlatformModel {
  if (registry.has(id)) return platformOf(registry.get(id));
  return { id, role, displayName: { zhCN: id, en: id } };
}
