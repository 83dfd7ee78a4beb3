/**
 * Binds a card into a wallet the way the wallet platform does it:
 *
 *  1. the input is checked field by field against the wallet's verification flow (four
 *     elements for WeChat Pay; card number, CVV2 and SMS code for QuickPass) before any
 *     platform is called — the adapter refuses malformed input itself;
 *  2. the issuer, which alone holds the card's records, confirms the entered elements
 *     belong to this card and this customer (yes/no per element, no values);
 *  3. the wallet platform binds (its adapter; a simulator in the embedded run), and its
 *     declines come back in the canonical language — 商户限制 with its remedy included;
 *  4. the binding is recorded, and the client's idempotency key answers every retry.
 *
 * Secret values (card number, ID number, CVV2, SMS code) are never stored or logged: the
 * idempotency fingerprint covers only the card, the wallet and which fields were sent.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_VALIDATION,
  InMemoryIdempotencyStore,
  toCanonicalError,
  validateFields,
  type AdapterRegistry,
  type CanonicalError,
  type CanonicalErrorCode,
  type Clock,
  type FieldValues,
  type HttpClient,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';
import type { Identity } from '@cardweave/service-kit';
import { canonicalErrorModel, customerScopedStore, fieldErrorModels, declineFor, IdempotencyKeys } from '@cardweave/subgraph-kit';
import type { SiblingClient, CanonicalErrorModel } from '@cardweave/subgraph-kit';
import type { WalletAccountEntity } from '../db/entities/wallet-account.entity';
import { insertBindingOnce, liveBinding } from '../db/queries/card-binding.queries';
import { walletEventOutbox } from '../events/wallet-events';
import { accountOfCustomer, openAccountOnce } from '../db/queries/wallet-account.queries';
import { WALLET_SCHEMA } from '../db/wallet-database';

export interface BindCardRequest {
  idempotencyKey: string;
  cardId: string;
  walletPlatform: string;
  fields: FieldValues;
}

export interface ProvisionCardRequest {
  idempotencyKey: string;
  cardId: string;
  walletPlatform: string;
}

/** The verification method a binding pushed from the issuer records. */
export const PUSH_PROVISIONING = 'PUSH_PROVISIONING';

/** The issuer's answers on its provisioning routes (subgraphs/issuer/src/provisioning). */
type MintAnswer =
  | { found: false }
  | { found: true; blocked: 'CARD_LOCKED' | 'CARD_NOT_ACTIVE' }
  | { found: true; blocked: null; reference: string; expiresAt: string };
type RedeemAnswer = { redeemed: false } | { redeemed: true; cardId: string; last4: string };

export interface BindCardResultModel {
  ok: boolean;
  bindingId: string | null;
  error: CanonicalErrorModel | null;
  fieldErrors: CanonicalErrorModel[];
}

type HolderVerdict =
  { found: false } | { found: true; matches: Record<string, boolean>; blocked?: 'CARD_LOCKED' | 'CARD_NOT_ACTIVE' | null };

/** What the issuer checks against its records: the four elements and the card's CVV2. */
const CHECKED_BY_ISSUER = new Set(['name', 'residentId', 'mobile', 'cardNumber', 'cvv2']);
const HOLDER_ELEMENTS = new Set(['name', 'residentId', 'mobile']);

export class CardBindingService {
  private readonly keys = new IdempotencyKeys(WALLET_SCHEMA);
  /** The adapters' own replay layer; the database key above is what holds across replicas. */
  private readonly adapterReplays = new InMemoryIdempotencyStore();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: AdapterRegistry,
    private readonly issuer: SiblingClient,
    private readonly clock: Clock,
    private readonly platformHttp: (adapterId: string) => HttpClient,
  ) {}

  async bind(request: BindCardRequest, customerId: string, identity: Identity | null): Promise<BindCardResultModel> {
    const wallet = this.registry.get(request.walletPlatform);
    const fingerprint = { cardId: request.cardId, walletPlatform: request.walletPlatform, fields: Object.keys(request.fields).sort() };
    return this.oncePerKey(wallet, { customerId, operation: 'bindCard' }, request.idempotencyKey, fingerprint, () =>
      this.run(request, wallet, customerId, identity),
    );
  }

  /**
   * Runs `work` once per customer, operation and idempotency key: a repeated key replays the
   * first result, a key reused for another request or still in flight is declined, and a fault
   * releases the key (nothing was bound) so the client can retry it.
   */
  private async oncePerKey(
    wallet: PlatformAdapter,
    scope: { customerId: string; operation: string },
    key: string,
    fingerprint: Record<string, unknown>,
    work: () => Promise<BindCardResultModel>,
  ): Promise<BindCardResultModel> {
    const claim = await this.dataSource.transaction((m) => this.keys.claim<BindCardResultModel>(m, scope, key, fingerprint));
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind !== 'NEW') {
      return this.refused(declineFor(wallet, claim.kind === 'KEY_REUSED' ? 'IDEMPOTENCY_KEY_REUSED' : 'DUPLICATE_REQUEST'));
    }
    let result: BindCardResultModel;
    try {
      result = await work();
    } catch (error) {
      await this.keys.release(this.dataSource.manager, scope, key);
      throw error;
    }
    await this.dataSource.transaction((m) => this.keys.complete(m, scope, key, result));
    return result;
  }

  private async run(
    request: BindCardRequest,
    wallet: PlatformAdapter,
    customerId: string,
    identity: Identity | null,
  ): Promise<BindCardResultModel> {
    const account = await this.account(customerId, wallet.manifest.id);
    if (account.status !== 'ACTIVE') return this.refused(declineFor(wallet, 'MERCHANT_RESTRICTED'));
    const bind = wallet.operations?.bind;
    if (!bind) return this.refused(declineFor(wallet, 'TRANSACTION_NOT_PERMITTED'));
    const ctx = {
      idempotencyKey: request.idempotencyKey,
      clock: this.clock,
      http: this.platformHttp(wallet.manifest.id),
      idempotency: customerScopedStore(this.adapterReplays, customerId),
    };

    // Malformed input stops here: neither the issuer nor the platform sees it.
    const declared = wallet.verification.steps.flatMap((step) => step.fields);
    const checked = validateFields(declared, request.fields, wallet.validation ?? DEFAULT_VALIDATION, this.clock.now());
    if (!checked.ok) {
      return {
        ok: false,
        bindingId: null,
        error: canonicalErrorModel(declineFor(wallet, 'INVALID_FORMAT')),
        fieldErrors: fieldErrorModels(wallet.manifest.id, checked.errors),
      };
    }
    request = { ...request, fields: checked.value };

    // The issuer confirms the elements belong to this card before the wallet is asked.
    const holderFields = Object.fromEntries(Object.entries(request.fields).filter(([k]) => CHECKED_BY_ISSUER.has(k)));
    const verdict = await this.issuer.post<HolderVerdict>(
      'cards/verify-holder',
      { cardId: request.cardId, fields: holderFields },
      identity,
    );
    if (!verdict.found) return this.refused(declineFor(wallet, 'INVALID_CARD_NUMBER'));
    // Elements that are not this card's never reach the wallet platform.
    const mismatch = this.mismatch(wallet, verdict.matches);
    if (mismatch) return mismatch;
    // The card itself cannot be bound as it stands (locked at the issuer): the wallet says so in its words.
    if (verdict.blocked) return this.refused(declineFor(wallet, verdict.blocked));

    const outcome = await bind({ accountRef: account.id, fields: request.fields }, ctx);
    if (outcome.status === 'DECLINED') {
      return {
        ok: false,
        bindingId: null,
        error: canonicalErrorModel(outcome.error),
        fieldErrors: outcome.fieldErrors ? fieldErrorModels(wallet.manifest.id, outcome.fieldErrors) : [],
      };
    }
    if (outcome.status !== 'SUCCESS') {
      return this.refused(unavailable(wallet.manifest.id, outcome.status === 'PENDING' ? 'confirm in the wallet app' : outcome.reason));
    }
    return { ok: true, bindingId: await this.record(request, wallet, account), error: null, fieldErrors: [] };
  }

  /**
   * The decline for entered elements the issuer says are not this card's, or null when all match.
   * A holder element (name, ID number, mobile) that does not match is HOLDER_INFO_MISMATCH, naming
   * every element that does not (the card number too); else a card number that does not is
   * INVALID_CARD_NUMBER (无效卡号); else a CVV2 that does not is VERIFICATION_FAILED (CVN2错误).
   */
  private mismatch(wallet: PlatformAdapter, matches: Record<string, boolean>): BindCardResultModel | null {
    const wrong = Object.entries(matches)
      .filter(([, ok]) => !ok)
      .map(([field]) => field);
    const refuse = (code: CanonicalErrorCode, fields: string[]): BindCardResultModel => {
      const error = canonicalErrorModel(declineFor(wallet, code));
      return { ok: false, bindingId: null, error, fieldErrors: fields.map((field) => ({ ...error, field })) };
    };
    if (wrong.some((field) => HOLDER_ELEMENTS.has(field))) {
      return refuse(
        'HOLDER_INFO_MISMATCH',
        wrong.filter((field) => field !== 'cvv2'),
      );
    }
    if (wrong.includes('cardNumber')) return refuse('INVALID_CARD_NUMBER', ['cardNumber']);
    if (wrong.includes('cvv2')) return refuse('VERIFICATION_FAILED', ['cvv2']);
    return null;
  }

  /**
   * Push provisioning: the issuer mints an opaque, single-use reference for the card and this
   * wallet, and the wallet redeems it with the issuer (both through signed internal routes), so
   * the binding is made with no card number typed or sent. Recorded as PUSH_PROVISIONING.
   */
  async provision(request: ProvisionCardRequest, customerId: string, identity: Identity | null): Promise<BindCardResultModel> {
    const wallet = this.registry.get(request.walletPlatform);
    const fingerprint = { cardId: request.cardId, walletPlatform: request.walletPlatform };
    return this.oncePerKey(wallet, { customerId, operation: 'provisionCardToWallet' }, request.idempotencyKey, fingerprint, () =>
      this.pushFromIssuer(request, wallet, customerId, identity),
    );
  }

  private async pushFromIssuer(
    request: ProvisionCardRequest,
    wallet: PlatformAdapter,
    customerId: string,
    identity: Identity | null,
  ): Promise<BindCardResultModel> {
    const account = await this.account(customerId, wallet.manifest.id);
    if (account.status !== 'ACTIVE') return this.refused(declineFor(wallet, 'MERCHANT_RESTRICTED'));
    const minted = await this.issuer.post<MintAnswer>(
      'cards/provisioning/mint',
      { cardId: request.cardId, walletPlatform: wallet.manifest.id },
      identity,
    );
    if (!minted.found) return this.refused(declineFor(wallet, 'INVALID_CARD_NUMBER'));
    if (minted.blocked) return this.refused(declineFor(wallet, minted.blocked));
    // The wallet's side: it knows the card only by the reference, and redeems it once.
    const redeemed = await this.issuer.post<RedeemAnswer>('cards/provisioning/redeem', {
      reference: minted.reference,
      walletPlatform: wallet.manifest.id,
    });
    if (!redeemed.redeemed || redeemed.cardId !== request.cardId) return this.refused(declineFor(wallet, 'INVALID_TOKEN'));
    const inserted = await this.insertBinding(account, {
      id: randomUUID(),
      cardId: redeemed.cardId,
      walletAccountId: account.id,
      platform: wallet.manifest.id,
      verificationMethod: PUSH_PROVISIONING,
      boundAt: this.clock.now(),
    });
    const bindingId = inserted ?? (await liveBinding(this.dataSource, redeemed.cardId, account.id)).id;
    return { ok: true, bindingId, error: null, fieldErrors: [] };
  }

  /** The customer's account at this wallet, opened on first use. */
  private async account(customerId: string, platform: string): Promise<WalletAccountEntity> {
    await openAccountOnce(this.dataSource, { id: randomUUID(), customerId, platform, at: this.clock.now() });
    return accountOfCustomer(this.dataSource, customerId, platform);
  }

  /** One live binding per card and account: binding again returns the live one. */
  private async record(request: BindCardRequest, wallet: PlatformAdapter, account: WalletAccountEntity): Promise<string> {
    const inserted = await this.insertBinding(account, {
      id: randomUUID(),
      cardId: request.cardId,
      walletAccountId: account.id,
      platform: wallet.manifest.id,
      verificationMethod: wallet.verification.steps.map((s) => s.kind).join('+'),
      boundAt: this.clock.now(),
    });
    return inserted ?? (await liveBinding(this.dataSource, request.cardId, account.id)).id;
  }

  /** A new binding and its event, in one transaction; null when the card was bound already (no change, no event). */
  private insertBinding(account: WalletAccountEntity, binding: Parameters<typeof insertBindingOnce>[1]): Promise<string | null> {
    return this.dataSource.transaction(async (m) => {
      const inserted = await insertBindingOnce(m, binding);
      if (inserted)
        await walletEventOutbox(() => this.clock.now()).record(m, {
          type: 'binding.added',
          customerId: account.customerId,
          cardId: binding.cardId,
          platform: binding.platform,
          payload: { bindingId: inserted, verificationMethod: binding.verificationMethod },
        });
      return inserted;
    });
  }

  private refused(error: CanonicalError): BindCardResultModel {
    return { ok: false, bindingId: null, error: canonicalErrorModel(error), fieldErrors: [] };
  }
}

function unavailable(platform: string, reason: string): CanonicalError {
  return toCanonicalError(
    platform,
    {
      code: 'PLATFORM_UNAVAILABLE',
      decision: 'RETRY',
      remedy: 'RETRY_LATER',
      message: { 'zh-CN': '暂时无法绑卡，请稍后重试', en: 'The card cannot be bound right now; try again later' },
    },
    'BIND_NOT_COMPLETED',
    reason,
  );
}
