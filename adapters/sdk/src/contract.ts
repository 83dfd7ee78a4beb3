/**
 * The adapter contract: what a platform adapter declares and what the subgraphs ask of it.
 *
 * Subgraphs are roles (issuer, wallet, clearing); adapters are platforms (jd-finance,
 * wechat-pay, unionpay, …). A subgraph never branches on a platform's name: every
 * platform-specific number, step or message comes from an object of this shape.
 */
import type { Clock } from './clock';
import type { HttpClient } from './http';
import type { Fen } from './money';
import type { CreditPolicy } from './credit-assessment';
import type { OneTimeCodePolicy } from './one-time-codes';
import type { CanonicalErrorCode, Decision, Remedy } from './canonical-errors';
import type { AdapterOperations, OperationName } from './operations';

export type AdapterRole = 'issuer' | 'wallet' | 'clearing';

/** Text shown to a person, in the two languages the graph serves. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface BinRange {
  /** Inclusive prefix range on the first digits of the card number, e.g. 625000..625999. */
  from: string;
  to: string;
  /** Total card number length for cards in this range. */
  length: number;
}

export interface AdapterManifest {
  /** Stable kebab-case id, e.g. `wechat-pay`; used as the `platform` in every error. */
  id: string;
  role: AdapterRole;
  displayName: LocalizedText;
  /** ISO 4217 codes; the seed platforms only handle CNY. */
  currencies: string[];
  /** Card networks this platform handles, e.g. `UNIONPAY`. */
  cardNetworks: string[];
  /** BIN ranges the platform issues (issuer) or accepts (wallet, clearing); empty = any. */
  binRanges: BinRange[];
}

export type LimitWindow = 'PER_PAYMENT' | 'DAILY' | 'MONTHLY' | 'YEARLY' | 'ALL_TIME';

/**
 * Whose usage a limit counts: one card, one wallet account (all cards in it),
 * or one customer across everything.
 */
export type LimitScope = 'CARD' | 'WALLET_ACCOUNT' | 'CUSTOMER';

export interface LimitRule {
  /** Stable id, unique within the adapter, e.g. `unionpay.daily`. */
  id: string;
  window: LimitWindow;
  /** Maximum amount in the window, in fen. */
  amountFen: Fen;
  /** Optional maximum number of payments in the window. */
  count?: number;
  scope: LimitScope;
  /** IANA zone the calendar windows follow. */
  timezone: string;
  description: LocalizedText;
}

export type VerificationStepKind = 'FACE_RECOGNITION' | 'SMS_CODE' | 'PAYMENT_PASSWORD' | 'FOUR_ELEMENTS' | 'CVV2' | 'CARD_PASSWORD';

export type InputFieldKind =
  'NAME' | 'RESIDENT_ID' | 'MOBILE' | 'CARD_NUMBER' | 'CVV2' | 'SMS_CODE' | 'PAYMENT_PASSWORD' | 'FACE_TOKEN' | 'EXPIRY';

export interface VerificationInputField {
  name: string;
  kind: InputFieldKind;
  label: LocalizedText;
  /** Never stored, never logged, never echoed (CVV2, SMS code, passwords). */
  secret: boolean;
}

export interface VerificationStep {
  id: string;
  kind: VerificationStepKind;
  label: LocalizedText;
  fields: VerificationInputField[];
}

export interface VerificationFlow {
  /** What the flow is for: getting the card at the issuer, or binding it into a wallet. */
  purpose: 'ISSUANCE' | 'BINDING' | 'PAYMENT';
  /** Ordered: a user goes through them one after another. */
  steps: VerificationStep[];
  /** Typical time a person needs, from the source document, in seconds. */
  typicalDurationSeconds: { min: number; max: number };
}

export type RealNameLevel = 1 | 2 | 3;

export interface EligibilityRules {
  minRealNameLevel: RealNameLevel;
  minAge: number;
  /** Inclusive upper bound, when the platform has one. */
  maxAge?: number;
  requireNoOverdueDebt: boolean;
  requireAccountNotFrozen: boolean;
  requireWalletActive: boolean;
}

export type DeviceOs = 'IOS' | 'ANDROID' | 'WINDOWS';

export interface DeviceCapability {
  os: DeviceOs;
  nfc: { supported: boolean; minVersion?: string; note?: LocalizedText };
  qr: { supported: boolean; note?: LocalizedText };
  /** Web payments (a PC's only way to pay with a wallet); absent = none. */
  web?: { supported: boolean; note?: LocalizedText };
}

/** One row of a platform's error dialect, mapped to the canonical language. */
export interface ErrorTableRow {
  /** The platform's own code (or, when it only has UI text, a stable synthetic code). */
  platformCode: string;
  /** The platform's own message, as its users see it. */
  platformMessage: string;
  code: CanonicalErrorCode;
  decision: Decision;
  remedy: Remedy;
  message: LocalizedText;
  /** Nearest ISO 8583 field-39 response code, when one fits. */
  iso8583?: string;
  /**
   * Operations this row applies to; absent = every operation. The same code can mean
   * different things per flow (UnionPay `03` is "invalid merchant" on a payment but
   * "still processing" on a status query), so lookup prefers a row naming the flow.
   */
  flows?: OperationName[];
  /**
   * What the row turns a reply into: a decline (default), or a pending / indeterminate
   * result that a later status query settles. Not every platform code is a failure.
   */
  outcome?: 'DECLINED' | 'PENDING' | 'INDETERMINATE';
  /** Suggested wait before retrying, for RETRY rows where the platform states one. */
  retryAfterSeconds?: number;
  /**
   * For limit codes (LIMIT_EXCEEDED must have it): the windows of the limits whose breach
   * this row reports. A row reporting a PER_PAYMENT limit cannot say WAIT_FOR_NEXT_WINDOW:
   * no window resets a per-payment limit.
   */
  limitWindows?: LimitWindow[];
}

/** Issuer-only configuration: the numbers of a credit product. */
export interface IssuerTerms {
  /** Largest credit line the issuer grants, in fen. */
  maxCreditLineFen: Fen;
  /** Overdue penalty per day as an exact fraction (0.05% = 5 / 10000). */
  penaltyPerDay: { numerator: bigint; denominator: bigint };
  /** Day of month the cycle closes into a bill (1–28). */
  statementDay: number;
  /** Days from statement date to due date. */
  gracePeriodDays: number;
  /** Minimum due as an exact fraction of the total due. */
  minimumDue: { numerator: bigint; denominator: bigint };
  /** How a penalty amount is rounded to whole fen, once per posting. */
  rounding: 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | 'UP';
  /** Where repayments go first. */
  repaymentAllocation: Array<'PENALTY' | 'PRINCIPAL'>;
  /** Issuing bank shown on the card. */
  issuingBank: LocalizedText;
  /** Where a card holder repays: this platform's own app. */
  repaymentChannel: LocalizedText;
  /** How a new credit line is sized (credit-assessment.ts); absent: this issuer grants no lines through Cardweave. */
  creditPolicy?: CreditPolicy;
  /** Sends and tries of the SMS code of an issuance; absent: DEFAULT_ONE_TIME_CODE_POLICY. */
  oneTimeCodes?: OneTimeCodePolicy;
}

/** What every adapter declares. Operations where the platform acts are added by the SDK. */
export interface PlatformAdapter {
  manifest: AdapterManifest;
  limits: LimitRule[];
  verification: VerificationFlow;
  eligibility?: EligibilityRules;
  devices: DeviceCapability[];
  errors: ErrorTableRow[];
  /** Present on issuer adapters. */
  issuerTerms?: IssuerTerms;
  /**
   * Operations where the platform acts. Built by `createAdapter`, which adds input
   * validation, idempotency and log scrubbing around the adapter's own `perform` code.
   */
  operations?: AdapterOperations;
  /** Input-validation settings the SDK applies before any platform call. */
  validation?: ValidationSettings;
  /**
   * An in-process fake of the platform, for demos and tests where the platform cannot be
   * reached: `npm start` (outside production) sends this adapter's requests to it instead of
   * the network. Absent: the adapter talks to its platform over real HTTP.
   */
  simulator?: PlatformSimulatorFactory;
}

/**
 * Makes a simulator: one per running system, on the system's clock, so its state (limits
 * used, dedupe by order number) lasts as long as the system. Build it with the options the
 * adapter was created with (a signing key, a base URL), so the two agree.
 */
export type PlatformSimulatorFactory = (clock: Clock) => HttpClient;

export interface ValidationSettings {
  /**
   * Whether UnionPay-prefixed cards (62, 81) must pass Luhn. Some genuine UnionPay
   * cards fail it (braintree/card-validator's `luhnValidateUnionPay`), so a platform
   * that accepts them turns this off.
   */
  luhnForUnionPay: boolean;
}
