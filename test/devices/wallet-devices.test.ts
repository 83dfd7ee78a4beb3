/**
 * Devices, as the source's table states them (PLATFORMS.md §6) and the wallet adapters declare
 * them: QuickPass pays by NFC from iPhone 6 and Android 5.0 on a phone with NFC, both wallets by
 * QR code with the camera, a PC by web payments only. Through the gateway: the device table on
 * each platform, eligibility per wallet for a device, and DEVICE_NOT_SUPPORTED with its remedy
 * when a device that cannot pay binds or pays.
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

const ELIGIBILITY = `query($id: ID!, $device: DeviceInput) {
  customer(id: $id) {
    walletEligibility(device: $device) {
      platform { id devices { os nfc nfcMinVersion qr web notes { en } } }
      eligible
      paymentMethods
      reasons { rule error { code platform platformCode remedy message { zhCN en } } }
    }
  }
}`;

interface Eligibility {
  platform: { id: string; devices: Array<{ os: string; nfc: boolean; nfcMinVersion: string | null; qr: boolean; web: boolean }> };
  eligible: boolean;
  paymentMethods: string[] | null;
  reasons: Array<{ rule: string; error: { code: string; platform: string; platformCode: string; remedy: string } }>;
}

let system: TestSystem;
let customerId: string;
let cardId: string;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  customerId = customer.customerId;
  cardId = customer.cardIds[0];
});

afterAll(async () => {
  await system?.stop();
});

async function eligibility(device: Record<string, unknown> | null) {
  const { data, errors } = await system.queryAs<{ customer: { walletEligibility: Eligibility[] } | null }>(
    system.token(customerId),
    ELIGIBILITY,
    {
      id: customerId,
      device,
    },
  );
  return { byWallet: Object.fromEntries((data?.customer?.walletEligibility ?? []).map((e) => [e.platform.id, e])), errors };
}

describe('the device table on each platform', () => {
  it("shows each wallet adapter's declared devices: QuickPass NFC from iPhone 6 and Android 5.0, a PC web only", async () => {
    const { byWallet, errors } = await eligibility(null);
    expect(errors).toBeUndefined();
    const quickpass = Object.fromEntries(byWallet['unionpay-quickpass'].platform.devices.map((d) => [d.os, d]));
    expect(quickpass.IOS).toMatchObject({ nfc: true, nfcMinVersion: 'iPhone 6', qr: true, web: false });
    expect(quickpass.ANDROID).toMatchObject({ nfc: true, nfcMinVersion: '5.0', qr: true, web: false });
    expect(quickpass.WINDOWS).toMatchObject({ nfc: false, qr: false, web: true });
    const wechat = Object.fromEntries(byWallet['wechat-pay'].platform.devices.map((d) => [d.os, d]));
    expect(wechat.IOS).toMatchObject({ nfc: false, nfcMinVersion: null, qr: true });
    expect(wechat.WINDOWS).toMatchObject({ nfc: false, qr: false, web: true });
    // Without a device, devices are not considered.
    expect(byWallet['wechat-pay']).toMatchObject({ eligible: true, paymentMethods: null, reasons: [] });
  });
});

describe('wallet eligibility for a device', () => {
  // [device, QuickPass methods, WeChat Pay methods], from the source's device table.
  const matrix: Array<[string, Record<string, unknown>, string[], string[]]> = [
    ['iPhone 6 with NFC and camera', { os: 'IOS', version: 'iPhone 6', hasNfc: true, hasCamera: true }, ['NFC', 'QR'], ['QR']],
    ['iPhone 5s: too old for NFC', { os: 'IOS', version: 'iPhone 5s', hasNfc: true, hasCamera: true }, ['QR'], ['QR']],
    ['iPhone X counts as after iPhone 6', { os: 'IOS', version: 'iPhone X', hasNfc: true, hasCamera: false }, ['NFC'], []],
    ['Android 5.0 with NFC', { os: 'ANDROID', version: '5.0', hasNfc: true, hasCamera: true }, ['NFC', 'QR'], ['QR']],
    ['Android 4.4: too old for NFC', { os: 'ANDROID', version: '4.4', hasNfc: true, hasCamera: true }, ['QR'], ['QR']],
    ['Android 12 without NFC', { os: 'ANDROID', version: '12', hasNfc: false, hasCamera: true }, ['QR'], ['QR']],
    ['Android without a version: NFC unconfirmed', { os: 'ANDROID', hasNfc: true, hasCamera: true }, ['QR'], ['QR']],
    ['Windows PC: web only', { os: 'WINDOWS', version: '10', hasNfc: true, hasCamera: true }, ['WEB'], ['WEB']],
    ['Android with neither NFC nor camera', { os: 'ANDROID', version: '12', hasNfc: false, hasCamera: false }, [], []],
  ];

  it.each(matrix)('%s', async (_, device, quickpassMethods, wechatMethods) => {
    const { byWallet, errors } = await eligibility(device);
    expect(errors).toBeUndefined();
    expect(byWallet['unionpay-quickpass'].paymentMethods).toEqual(quickpassMethods);
    expect(byWallet['wechat-pay'].paymentMethods).toEqual(wechatMethods);
    for (const [id, methods] of [
      ['unionpay-quickpass', quickpassMethods],
      ['wechat-pay', wechatMethods],
    ] as const) {
      const canPay = methods.includes('NFC') || methods.includes('QR');
      expect(byWallet[id].eligible).toBe(canPay);
      expect(byWallet[id].reasons.filter((r) => r.rule === 'DEVICE')).toHaveLength(canPay ? 0 : 1);
    }
  });

  it('points to the other wallet when it works on the device, else to paying by QR code', async () => {
    // An iPhone 13 without camera access: QuickPass pays by NFC, WeChat Pay cannot pay at all.
    const noCamera = await eligibility({ os: 'IOS', version: 'iPhone 13', hasNfc: true, hasCamera: false });
    expect(noCamera.byWallet['wechat-pay'].reasons).toEqual([
      {
        rule: 'DEVICE',
        error: expect.objectContaining({ code: 'DEVICE_NOT_SUPPORTED', platform: 'wechat-pay', remedy: 'USE_ANOTHER_WALLET' }),
      },
    ]);
    // A PC: no wallet pays in a shop from it; scan the QR code with a phone.
    const pc = await eligibility({ os: 'WINDOWS', hasNfc: false, hasCamera: false });
    for (const id of ['wechat-pay', 'unionpay-quickpass']) {
      expect(pc.byWallet[id].reasons).toEqual([
        {
          rule: 'DEVICE',
          error: expect.objectContaining({
            code: 'DEVICE_NOT_SUPPORTED',
            platform: id,
            platformCode: 'CW_DEVICE_NOT_SUPPORTED',
            remedy: 'PAY_BY_QR_CODE',
          }),
        },
      ]);
    }
  });

  it.each([
    [{ os: 'SYMBIAN', hasNfc: true, hasCamera: true }, 'device.os'],
    [{ os: 'ANDROID', version: 'five', hasNfc: true, hasCamera: true }, 'device.version'],
    [{ os: 'IOS', version: 'Galaxy S9', hasNfc: true, hasCamera: true }, 'device.version'],
    [{ os: 'IOS', version: '17.2', hasNfc: true, hasCamera: true }, 'device.version'],
  ])('refuses bad device input %j field by field', async (device, field) => {
    const { errors } = await eligibility(device);
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) })]);
  });
});

describe('DEVICE_NOT_SUPPORTED on binding and paying', () => {
  const BINDINGS = `query($id: ID!) { card(id: $id) { walletBindings { id walletPlatform { id } } } }`;

  it('declines binding from a PC with PAY_BY_QR_CODE, before the platform, binding nothing', async () => {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, bound: false });
    const token = system.token(customer.customerId);
    const { data, errors } = await system.queryAs<{ bindCard: { ok: boolean; binding: unknown; error: Record<string, unknown> } }>(
      token,
      `mutation($input: BindCardInput!) { bindCard(input: $input) { ok binding { id } error { code platform remedy } } }`,
      {
        input: {
          idempotencyKey: 'bind-from-pc-0001',
          cardId: customer.cardIds[0],
          walletPlatform: 'unionpay-quickpass',
          fields: [{ name: 'cardNumber', value: customer.pans[0] }],
          device: { os: 'WINDOWS', version: '11', hasNfc: false, hasCamera: true },
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.bindCard).toEqual({
      ok: false,
      binding: null,
      error: { code: 'DEVICE_NOT_SUPPORTED', platform: 'unionpay-quickpass', remedy: 'PAY_BY_QR_CODE' },
    });
    const after = await system.queryAs<{ card: { walletBindings: unknown[] } }>(token, BINDINGS, { id: customer.cardIds[0] });
    expect(after.data!.card.walletBindings).toEqual([]);
  });

  it('declines paying with WeChat Pay from a phone without camera access, pointing to QuickPass', async () => {
    const token = system.token(customerId);
    const bindings = await system.queryAs<{ card: { walletBindings: Array<{ id: string; walletPlatform: { id: string } }> } }>(
      token,
      BINDINGS,
      { id: cardId },
    );
    const wechat = bindings.data!.card.walletBindings.find((b) => b.walletPlatform.id === 'wechat-pay')!;
    const PAY = `mutation($input: PayInput!) { pay(input: $input) { ok payment { id } error { code platform remedy } } }`;
    const pay = (device: Record<string, unknown>, idempotencyKey: string) =>
      system.queryAs<{ pay: { ok: boolean; payment: unknown; error: unknown } }>(token, PAY, {
        input: { idempotencyKey, bindingId: wechat.id, amountFen: 100, merchantName: '便利店', merchantCategoryCode: '5411', device },
      });
    const declined = await pay({ os: 'IOS', version: 'iPhone 13', hasNfc: true, hasCamera: false }, 'pay-no-camera-01');
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.pay).toEqual({
      ok: false,
      payment: null,
      error: { code: 'DEVICE_NOT_SUPPORTED', platform: 'wechat-pay', remedy: 'USE_ANOTHER_WALLET' },
    });
    // The same phone with the camera allowed pays by QR code.
    const paid = await pay({ os: 'IOS', version: 'iPhone 13', hasNfc: true, hasCamera: true }, 'pay-with-camera-01');
    expect(paid.data!.pay).toMatchObject({ ok: true, error: null });
    const bad = await pay({ os: 'IOS', version: 'iPhone', hasNfc: true, hasCamera: true }, 'pay-bad-device-01');
    expect(bad.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'device.version' }) }),
    ]);
  });
});
