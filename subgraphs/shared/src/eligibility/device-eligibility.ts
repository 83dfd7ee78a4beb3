/**
 * What a device can do with a platform (PLATFORMS.md §6, as each adapter declares it):
 * NFC from iPhone 6 and Android 5.0 on phones that have it, QR codes where the app may use
 * the camera, web payments only on a PC. A wallet a device cannot pay with by NFC or QR code
 * declines it as DEVICE_NOT_SUPPORTED, in the wallet's own words, with a remedy that fits.
 */
import {
  compareVersions,
  toCanonicalError,
  type AdapterRegistry,
  type CanonicalError,
  type DeviceOs,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';
import { graphqlError } from '@cardweave/service-kit';
import { localized, type LocalizedTextModel } from '../graphql/platform';

export type PaymentMethod = 'NFC' | 'QR' | 'WEB';

export interface DeviceInputShape {
  os: string;
  version?: string | null;
  hasNfc: boolean;
  hasCamera: boolean;
}

/** A device whose input has been checked: a known system and a version in that system's form. */
export interface Device {
  os: DeviceOs;
  /** Normalized for comparison with the declared minimums: `iPhone 10` for an iPhone X, `5.0` for Android. */
  version?: string;
  hasNfc: boolean;
  hasCamera: boolean;
}

export interface DeviceSupportModel {
  os: DeviceOs;
  nfc: boolean;
  nfcMinVersion: string | null;
  qr: boolean;
  web: boolean;
  notes: LocalizedTextModel[];
}

const OSES: readonly DeviceOs[] = ['IOS', 'ANDROID', 'WINDOWS'];
/** iPhone models by number, and the lettered ones by the number they came after (X = 10, SE with the 6s's NFC). */
const IPHONE = /^iphone\s+(\d{1,2}|x[rs]?|se)(?:\s*(?:s|c|e|plus|pro|max|mini))*$/i;
const LETTERED: Record<string, string> = { x: '10', xr: '10', xs: '10', se: '6' };
const DOTTED = /^\d{1,2}(?:\.\d{1,3}){0,3}$/;

function invalid(field: string, message: string) {
  return graphqlError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** Checks a device input field by field; `field` is where the input sits, e.g. `device` or `input.device`. */
export function parseDevice(input: DeviceInputShape, field = 'device'): Device {
  const os = input.os.trim().toUpperCase() as DeviceOs;
  if (!OSES.includes(os)) throw invalid(`${field}.os`, 'must be IOS, ANDROID or WINDOWS');
  const raw = input.version?.trim();
  if (raw === undefined || raw === '') return { os, hasNfc: input.hasNfc, hasCamera: input.hasCamera };
  let version: string;
  if (os === 'IOS') {
    const model = IPHONE.exec(raw);
    if (!model) throw invalid(`${field}.version`, 'an iPhone model, e.g. iPhone 6 or iPhone 13 Pro');
    version = `iPhone ${LETTERED[model[1].toLowerCase()] ?? model[1]}`;
  } else {
    if (!DOTTED.test(raw)) throw invalid(`${field}.version`, 'a system version of digits and dots, e.g. 5.0 or 12');
    version = raw;
  }
  return { os, version, hasNfc: input.hasNfc, hasCamera: input.hasCamera };
}

/** The adapter's device table as the graph shows it (Platform.devices). */
export function deviceSupportModels(adapter: PlatformAdapter): DeviceSupportModel[] {
  return adapter.devices.map((d) => ({
    os: d.os,
    nfc: d.nfc.supported,
    nfcMinVersion: d.nfc.supported ? (d.nfc.minVersion ?? null) : null,
    qr: d.qr.supported,
    web: d.web?.supported ?? false,
    notes: [d.nfc.note, d.qr.note, d.web?.note].filter((n) => n !== undefined).map(localized),
  }));
}

/** The ways this device can pay with the platform: NFC on a recent enough phone that has it, QR with a camera, web. */
export function paymentMethodsOn(adapter: PlatformAdapter, device: Device): PaymentMethod[] {
  const entry = adapter.devices.find((d) => d.os === device.os);
  if (!entry) return [];
  const methods: PaymentMethod[] = [];
  const recentEnough =
    !entry.nfc.minVersion || (device.version !== undefined && compareVersions(device.version, entry.nfc.minVersion) >= 0);
  if (entry.nfc.supported && recentEnough && device.hasNfc) methods.push('NFC');
  if (entry.qr.supported && device.hasCamera) methods.push('QR');
  if (entry.web?.supported) methods.push('WEB');
  return methods;
}

/** A wallet pays in a shop by NFC or QR code; web payments alone are not enough to use the card. */
export function canPayInShops(methods: readonly PaymentMethod[]): boolean {
  return methods.includes('NFC') || methods.includes('QR');
}

/**
 * DEVICE_NOT_SUPPORTED in the wallet's own words when the device cannot pay with it, else null.
 * The remedy: another wallet that works on this device when there is one (USE_ANOTHER_WALLET),
 * else the wallet's own (PAY_BY_QR_CODE: scan with a phone that has a camera).
 */
export function deviceDecline(adapter: PlatformAdapter, device: Device, wallets: readonly PlatformAdapter[]): CanonicalError | null {
  if (canPayInShops(paymentMethodsOn(adapter, device))) return null;
  const row = adapter.errors.find((r) => r.code === 'DEVICE_NOT_SUPPORTED');
  const other = wallets.find((w) => w.manifest.id !== adapter.manifest.id && canPayInShops(paymentMethodsOn(w, device)));
  const base: CanonicalError = row
    ? toCanonicalError(adapter.manifest.id, row, row.platformCode, row.platformMessage)
    : toCanonicalError(
        adapter.manifest.id,
        {
          code: 'DEVICE_NOT_SUPPORTED',
          decision: 'USER_ACTION',
          remedy: 'PAY_BY_QR_CODE',
          message: {
            'zh-CN': '此设备无法使用该钱包付款，请改用扫码支付',
            en: 'This device cannot pay with this wallet; pay by QR code instead',
          },
        },
        'DEVICE_NOT_SUPPORTED',
        '当前设备不支持',
      );
  if (!other) return base;
  // The row's words ask for a QR code this device cannot scan; name the wallet that works here instead.
  const name = adapter.manifest.displayName;
  const instead = other.manifest.displayName;
  return {
    ...base,
    remedy: 'USE_ANOTHER_WALLET',
    message: {
      'zh-CN': `此设备无法使用${name['zh-CN']}付款，请改用${instead['zh-CN']}`,
      en: `This device cannot pay with ${name.en}; use ${instead.en} instead`,
    },
  };
}

/**
 * Platform.devices, served by every subgraph for the shared Platform type (added by the
 * subgraph server): from the request's adapter registry, so a platform named in stored data
 * whose adapter is no longer loaded shows no devices rather than failing.
 */
export const platformDeviceResolvers = {
  Platform: {
    devices: (platform: { id: string }, _: unknown, ctx: unknown): DeviceSupportModel[] => {
      // Every subgraph's context carries its adapter registry; the server's own type does not name it.
      const registry = (ctx as { registry?: AdapterRegistry }).registry;
      return registry?.has(platform.id) ? deviceSupportModels(registry.get(platform.id)) : [];
    },
  },
};
