/**
 * The suite must fail an adapter broken in any of the ways an author can break one, and say
 * what is wrong. Each case breaks one thing in a conforming adapter (wechat-pay, or
 * unionpay-quickpass where the case needs a daily limit or a CVV2 field) and pins the exact
 * failures, so a check that stops catching its case, or starts blaming the wrong thing, shows.
 */
import {
  createAdapter,
  yuan,
  type AdapterImplementation,
  type AdapterOperations,
  type ErrorTableRow,
  type OperationContext,
  type OperationName,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';
import quickPass from '@cardweave/adapter-unionpay-quickpass';
import { quickPassExpectations } from '@cardweave/adapter-unionpay-quickpass/expectations';
import { QUICKPASS_PLATFORM_LIMITS, QuickPassSimulator } from '@cardweave/adapter-unionpay-quickpass/simulator';
import wechatPay from '@cardweave/adapter-wechat-pay';
import { wechatPayExpectations } from '@cardweave/adapter-wechat-pay/expectations';
import { WechatPaySimulator } from '@cardweave/adapter-wechat-pay/simulator';
import { runConformance, type ConformanceExpectations } from './conformance';
import type { PlatformSimulator } from './platform-simulator';

const DECLARED_LIMITS = "declared limits are the platform's documented limits";
const CANONICAL_TABLE = "error rows agree with the canonical table; the role's required codes are mapped";
const LIMITS = "the platform's limits hold at, just under and just over each documented amount";
const WINDOWS = 'each limit window resets exactly at its boundary in Asia/Shanghai, not a millisecond before';
const NO_SECRETS = 'no card number, ID number, mobile, CVV2, SMS code or password in logs, console output or results';

/** The failing checks of a run, by name, with their failures. */
async function failures<S extends PlatformSimulator>(
  adapter: PlatformAdapter,
  exp: ConformanceExpectations<S>,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await runConformance(adapter, exp)) if (r.failures.length) out[r.name] = r.failures;
  return out;
}

/**
 * Edits an adapter's error table where it lives, as its author would: the declaration and
 * the operations share the one array. Put back afterwards.
 */
async function withErrorTable<T>(table: ErrorTableRow[], edit: (rows: ErrorTableRow[]) => void, run: () => Promise<T>): Promise<T> {
  const saved = table.map((r) => ({ ...r }));
  edit(table);
  try {
    return await run();
  } finally {
    table.splice(0, table.length, ...saved);
  }
}

const row = (rows: ErrorTableRow[], platformCode: string) => rows.find((r) => r.platformCode === platformCode)!;

type AnyOp = (input: unknown, ctx: OperationContext) => Promise<unknown>;

/** The adapter with code of the author's own run before each operation. */
function withCodeBefore(adapter: PlatformAdapter, before: (name: OperationName, input: Record<string, unknown>) => void): PlatformAdapter {
  const operations: AdapterOperations = {};
  for (const [name, real] of Object.entries(adapter.operations ?? {})) {
    (operations as Record<string, AnyOp>)[name] = async (input, ctx) => {
      before(name as OperationName, (input ?? {}) as Record<string, unknown>);
      return (real as AnyOp)(input, ctx);
    };
  }
  return { ...adapter, operations };
}

const fieldsOf = (input: Record<string, unknown>) => (input.fields ?? {}) as Record<string, string | undefined>;

/** Keeps the broken adapters' console output out of the test report; the suite's own capture still sees it. */
function silenceOutput(): () => void {
  const spies = [
    jest.spyOn(console, 'log').mockImplementation(() => undefined),
    jest.spyOn(console, 'info').mockImplementation(() => undefined),
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true),
  ];
  return () => spies.forEach((s) => s.mockRestore());
}

describe('the conformance suite fails a broken adapter and names what is broken', () => {
  it('passes the adapters before they are broken', async () => {
    expect(await failures(wechatPay, wechatPayExpectations)).toEqual({});
    expect(await failures(quickPass, quickPassExpectations)).toEqual({});
  });

  it('a daily limit declared with a MONTHLY window', async () => {
    const monthly = {
      ...quickPass,
      limits: quickPass.limits.map((l) => (l.window === 'DAILY' ? { ...l, window: 'MONTHLY' as const } : l)),
    };
    expect(await failures(monthly, quickPassExpectations)).toEqual({
      [DECLARED_LIMITS]: [
        `limit "unionpay-quickpass.daily" is declared with window MONTHLY; the platform's documentation (expectations) says DAILY`,
        `limit "unionpay-quickpass.daily": its id and description say DAILY but its window is MONTHLY`,
      ],
      [WINDOWS]: [
        'unionpay-quickpass.daily (declared MONTHLY in Asia/Shanghai), an ordinary midnight: usage from 2026-03-13T16:00:00.000Z (2026-03-14 00:00:00.000 Asia/Shanghai) ' +
          'still counts at 2026-03-14T16:00:00.000Z (2026-03-15 00:00:00.000 Asia/Shanghai), where the documented DAILY window resets',
      ],
    });
  });

  it('a simulator that copies a wrong window from the declaration', async () => {
    const monthly = {
      ...quickPass,
      limits: quickPass.limits.map((l) => (l.window === 'DAILY' ? { ...l, window: 'MONTHLY' as const } : l)),
    };
    const copying = {
      ...quickPassExpectations,
      createSimulator: (clock: Parameters<typeof quickPassExpectations.createSimulator>[0]) =>
        new QuickPassSimulator(clock, { limits: monthly.limits }),
    };
    const found = await failures(monthly, copying);
    expect(Object.keys(found)).toEqual([DECLARED_LIMITS, WINDOWS]);
    expect(found[WINDOWS]).toContain(
      'unionpay-quickpass.daily on the simulator, an ordinary midnight: usage from 2026-03-13T16:00:00.000Z (2026-03-14 00:00:00.000 Asia/Shanghai) ' +
        'still counts at 2026-03-14T16:00:00.000Z (2026-03-15 00:00:00.000 Asia/Shanghai), where the documented DAILY window resets (1 fen: DECLINED LIMIT_EXCEEDED (61 "超出金额限制"))',
    );
  });

  it('a daily window that resets an hour before Beijing midnight, declared or on the simulator', async () => {
    const tokyo = <T extends { window: string; timezone: string }>(limits: readonly T[]) =>
      limits.map((l) => (l.window === 'DAILY' ? { ...l, timezone: 'Asia/Tokyo' } : l));
    const early = await failures({ ...quickPass, limits: tokyo(quickPass.limits) }, quickPassExpectations);
    expect(Object.keys(early)).toEqual([DECLARED_LIMITS, WINDOWS]);
    expect(early[DECLARED_LIMITS]).toEqual([
      'limit "unionpay-quickpass.daily" is declared in time zone Asia/Tokyo; its windows follow Asia/Shanghai',
    ]);
    expect(early[WINDOWS]).toContain(
      'unionpay-quickpass.daily (declared DAILY in Asia/Tokyo), an ordinary midnight: usage from 2026-03-13T16:00:00.000Z (2026-03-14 00:00:00.000 Asia/Shanghai) ' +
        'no longer counts at 2026-03-14T15:59:59.999Z (2026-03-14 23:59:59.999 Asia/Shanghai), before the documented DAILY window ends',
    );
    const earlySimulator = {
      ...quickPassExpectations,
      createSimulator: (clock: Parameters<typeof quickPassExpectations.createSimulator>[0]) =>
        new QuickPassSimulator(clock, { limits: tokyo(QUICKPASS_PLATFORM_LIMITS) }),
    };
    const found = await failures(quickPass, earlySimulator);
    expect(Object.keys(found)).toEqual([WINDOWS]);
    expect(found[WINDOWS]).toContain(
      'unionpay-quickpass.daily on the simulator, an ordinary midnight: usage from 2026-03-13T16:00:00.000Z (2026-03-14 00:00:00.000 Asia/Shanghai) ' +
        'no longer counts at 2026-03-14T15:59:59.999Z (2026-03-14 23:59:59.999 Asia/Shanghai), before the documented DAILY window ends (1 fen: SUCCESS)',
    );
  });

  it('a simulator that copies a wrong amount from the declaration', async () => {
    const wide = {
      ...wechatPay,
      limits: wechatPay.limits.map((l) => (l.window === 'PER_PAYMENT' ? { ...l, amountFen: yuan(60_000) } : l)),
    };
    const copying = {
      ...wechatPayExpectations,
      createSimulator: (clock: Parameters<typeof wechatPayExpectations.createSimulator>[0]) =>
        new WechatPaySimulator(clock, { limits: wide.limits }),
    };
    expect(await failures(wide, copying)).toEqual({
      [DECLARED_LIMITS]: [`limit "wechat-pay.per-payment" is declared as 6000000 fen; the platform's documentation says 5000000 fen`],
      [LIMITS]: [
        'wechat-pay.per-payment just over (5000001 fen after 0 used, documented limit 5000000 fen PER_PAYMENT): expected DECLINED LIMIT_EXCEEDED, got SUCCESS',
      ],
    });
  });

  it('a transient code whose decision is changed from RETRY to DO_NOT_RETRY', async () => {
    const found = await withErrorTable(
      wechatPay.errors,
      (rows) => {
        row(rows, 'SYSTEM_ERROR').decision = 'DO_NOT_RETRY';
      },
      () => failures(wechatPay, wechatPayExpectations),
    );
    expect(found).toEqual({
      [CANONICAL_TABLE]: [
        'errors[4] SYSTEM_ERROR "系统错误" (SYSTEM_BUSY): SYSTEM_BUSY is transient (the platform is busy), so its decision must be RETRY, not DO_NOT_RETRY',
      ],
    });
  });

  it('服务暂不可用 (service temporarily unavailable) with DO_NOT_RETRY, whatever code it maps to', async () => {
    const unavailable = (code: ErrorTableRow['code'], remedy: ErrorTableRow['remedy']): ErrorTableRow => ({
      platformCode: 'SERVICE_UNAVAILABLE',
      platformMessage: '服务暂不可用',
      code,
      decision: 'DO_NOT_RETRY',
      remedy,
      message: { 'zh-CN': '服务暂不可用', en: 'The service is unavailable' },
    });
    const index = wechatPay.errors.length;
    expect(
      await withErrorTable(
        wechatPay.errors,
        (rows) => rows.push(unavailable('PLATFORM_UNAVAILABLE', 'RETRY_LATER')),
        () => failures(wechatPay, wechatPayExpectations),
      ),
    ).toEqual({
      [CANONICAL_TABLE]: [
        `errors[${index}] SERVICE_UNAVAILABLE "服务暂不可用" (PLATFORM_UNAVAILABLE): PLATFORM_UNAVAILABLE is transient (the platform, or the issuer behind it, is unavailable or timed out), so its decision must be RETRY, not DO_NOT_RETRY`,
      ],
    });
    expect(
      await withErrorTable(
        wechatPay.errors,
        (rows) => rows.push(unavailable('PLATFORM_ERROR', 'CONTACT_SUPPORT')),
        () => failures(wechatPay, wechatPayExpectations),
      ),
    ).toEqual({
      [CANONICAL_TABLE]: [
        `errors[${index}] SERVICE_UNAVAILABLE "服务暂不可用" (PLATFORM_ERROR): the platform's message says the failure is transient (busy, unavailable, timed out or "try later"), so map it to SYSTEM_BUSY or PLATFORM_UNAVAILABLE with decision RETRY, not DO_NOT_RETRY`,
      ],
    });
  });

  it('console.log of a card number, spaced as people write it', async () => {
    const printing = withCodeBefore(wechatPay, (_name, input) => {
      const card = fieldsOf(input).cardNumber;
      if (card) console.log(`binding card ${card.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    });
    const restore = silenceOutput();
    const found = await failures(printing, wechatPayExpectations).finally(restore);
    expect(found).toEqual({
      [NO_SECRETS]: [
        'the card number the suite passed in (…97) appears in console.log (bind success), console.log (bind replay), console.log (bind key reuse) and 18 more places',
      ],
    });
  });

  it('console and stdout output of a free-text CVV2 and SMS code', async () => {
    const printing = withCodeBefore(quickPass, (_name, input) => {
      const { cvv2, smsCode } = fieldsOf(input);
      if (cvv2) process.stdout.write(`verifying with cvv ${cvv2}\n`);
      if (smsCode) console.info(`sms code is ${smsCode}`);
    });
    const restore = silenceOutput();
    const found = await failures(printing, quickPassExpectations).finally(restore);
    expect(found).toEqual({
      [NO_SECRETS]: [
        'the CVV2 the suite passed in (…39) appears in process.stdout (bind success), process.stdout (bind replay), process.stdout (bind key reuse) and 18 more places',
        'the SMS code the suite passed in (…15) appears in console.info (bind success), console.info (bind replay), console.info (bind key reuse) and 10 more places',
      ],
    });
  });

  it('passes the same free text written to the logger the SDK gives an adapter, which scrubs it', async () => {
    const { operations: real, ...declaration } = quickPass;
    const implementation: AdapterImplementation = {};
    for (const [name, op] of Object.entries(real ?? {})) {
      (implementation as Record<string, AnyOp>)[name] = async (input, ctx) => {
        const { cvv2, smsCode, cardNumber } = fieldsOf(input as Record<string, unknown>);
        (ctx as { logger: { info(m: string): void } }).logger.info(`${name}: card ${cardNumber} cvv ${cvv2} sms code is ${smsCode}`);
        return (op as AnyOp)(input, ctx);
      };
    }
    expect(await failures(createAdapter(declaration, implementation), quickPassExpectations)).toEqual({});
  });

  it('a deleted required row', async () => {
    const found = await withErrorTable(
      wechatPay.errors,
      (rows) =>
        rows.splice(
          rows.findIndex((r) => r.code === 'HOLDER_INFO_MISMATCH'),
          1,
        ),
      () => failures(wechatPay, wechatPayExpectations),
    );
    expect(found).toEqual({
      [CANONICAL_TABLE]: [
        'error table has no row for HOLDER_INFO_MISMATCH, which every wallet adapter must map: the wallet subgraph refuses a binding whose name, ID number or card does not match the card holder',
      ],
    });
  });

  it('a per-payment limit with remedy WAIT_FOR_NEXT_WINDOW', async () => {
    const found = await withErrorTable(
      wechatPay.errors,
      (rows) => {
        row(rows, 'SINGLE_QUOTA_EXCEEDED').remedy = 'WAIT_FOR_NEXT_WINDOW';
      },
      () => failures(wechatPay, wechatPayExpectations),
    );
    expect(found).toEqual({
      [CANONICAL_TABLE]: [
        'errors[11] SINGLE_QUOTA_EXCEEDED "超出单笔支付限额" (LIMIT_EXCEEDED): reports a PER_PAYMENT limit but its remedy is WAIT_FOR_NEXT_WINDOW; a per-payment limit never resets with a window (use LOWER_AMOUNT or another remedy)',
      ],
      [LIMITS]: [
        'wechat-pay.per-payment: a payment over this PER_PAYMENT limit is declined with remedy WAIT_FOR_NEXT_WINDOW, but no window resets a per-payment limit',
      ],
    });
  });

  it('one limit row for every breach, WAIT_FOR_NEXT_WINDOW and no windows named', async () => {
    const found = await withErrorTable(
      wechatPay.errors,
      (rows) => {
        rows.splice(
          rows.findIndex((r) => r.platformCode === 'SINGLE_QUOTA_EXCEEDED'),
          1,
        );
        delete row(rows, 'QUOTA_EXCEEDED').limitWindows;
      },
      () => failures(wechatPay, wechatPayExpectations),
    );
    expect(found).toEqual({
      [CANONICAL_TABLE]: [
        'errors[10] QUOTA_EXCEEDED "超出年度支付限额" (LIMIT_EXCEEDED): a LIMIT_EXCEEDED row must name the limit windows whose breach it reports (limitWindows: PER_PAYMENT, DAILY, …)',
      ],
      [LIMITS]: [
        'wechat-pay.per-payment just over (5000001 fen after 0 used, documented limit 5000000 fen PER_PAYMENT): expected DECLINED LIMIT_EXCEEDED, got DECLINED PLATFORM_ERROR (SINGLE_QUOTA_EXCEEDED "超出单笔支付限额")',
      ],
    });
  });
});
