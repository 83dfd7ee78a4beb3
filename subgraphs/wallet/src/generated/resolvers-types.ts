import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CustomerFacts } from '../eligibility/wallet-eligibility';
import { CardRepresentation } from '../domain/card-representation';
import { WalletAccountEntity } from '../db/entities/wallet-account.entity';
import { CardBindingEntity } from '../db/entities/card-binding.entity';
import { PayableAmountModel } from '../domain/payable-amount';
import { WalletRepaymentOutcome } from '../repayments/wallet-repayment';
import { PlatformEligibilityModel, EligibilityReasonModel, DomainEvent, EntityRef, CanonicalErrorModel, LimitStatusModel, PlatformModel, LocalizedTextModel } from '@cardweave/subgraph-kit';
import { PaymentEntity } from '../db/entities/payment.entity';
import { PaymentResultModel } from '../payments/payment-coordinator';
import { BindCardResultModel } from '../binding/card-binding-service';
import { WebhookEndpointRow, WebhookDeliveryRow, WebhookAttemptRow } from '../db/queries/webhook.queries';
import { RegisteredWebhookEndpointModel } from '../webhooks/webhook-registration';
import { RotatedWebhookSecretModel } from '../webhooks/webhook-endpoint-changes';
import { BindingRemovalOutcome } from '../binding/binding-removal';
import { WalletContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD, in Asia/Shanghai. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 with offset. */
  DateTime: { input: Date | string; output: Date | string; }
  /** An amount in fen (1 CNY = 100 fen): always a whole number, never a fraction, from -9007199254740991 to 9007199254740991 (2^53 − 1, the largest whole number a JSON number carries exactly). Sent as a JSON number; read from a JSON number or a string of digits. Each argument states its own narrower range. */
  Fen: { input: bigint; output: bigint; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What happened to a card, with what a client shows of it. */
export type ActivityEvent = {
  __typename?: 'ActivityEvent';
  /** The amount in whole fen: of a payment, of a repayment, or of a day's penalty. */
  amountFen?: Maybe<Scalars['Fen']['output']>;
  /** The bill: of a statement issued, of a bill overdue, or the bill a penalty was posted on. */
  billId?: Maybe<Scalars['ID']['output']>;
  /** The card it happened to (its masked number comes from the issuer). */
  card?: Maybe<Card>;
  /** When the bill is due, for a statement issued or a bill overdue. */
  dueDate?: Maybe<Scalars['Date']['output']>;
  /** Why a payment was declined, in the canonical error language. */
  errorCode?: Maybe<CanonicalErrorCode>;
  /** The event's id: the `after` to resume from. */
  id: Scalars['ID']['output'];
  /** The limit and its use, for a limit nearly used up. */
  limitUsage?: Maybe<ActivityLimitUsage>;
  /** The merchant of a payment. */
  merchantName?: Maybe<Scalars['String']['output']>;
  /** The minimum to repay by the due date, for a statement issued or a bill overdue, in whole fen. */
  minimumDueFen?: Maybe<Scalars['Fen']['output']>;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** What is left to repay of the bill, for a bill overdue, in whole fen. */
  outstandingFen?: Maybe<Scalars['Fen']['output']>;
  /** The payment, for a payment's event. */
  paymentId?: Maybe<Scalars['ID']['output']>;
  /** The overdue day a penalty was charged for. */
  penaltyDate?: Maybe<Scalars['Date']['output']>;
  /** The platform's id, e.g. `wechat-pay` for a payment through WeChat Pay; for a limit nearly used, the platform whose limit it is: `unionpay` for the clearing network's, `cardholder` for the holder's own, or the wallet's. */
  platformId?: Maybe<Scalars['ID']['output']>;
  /** The repayment, for a repayment's event. */
  repaymentId?: Maybe<Scalars['ID']['output']>;
  /** The statement's total due, for a statement issued, in whole fen. */
  totalDueFen?: Maybe<Scalars['Fen']['output']>;
  /** What happened. */
  type: ActivityEventType;
};

/** Kinds of card activity. */
export type ActivityEventType =
  /** A bill passed its due date with less than its minimum repaid: billId, dueDate, minimumDueFen, outstandingFen. */
  | 'BILL_OVERDUE'
  /** The card was bound into a wallet. */
  | 'BINDING_ADDED'
  /** The card was taken out of a wallet. */
  | 'BINDING_REMOVED'
  /** A card was issued to the customer. */
  | 'CARD_ISSUED'
  /** The card was locked by its holder. */
  | 'CARD_LOCKED'
  /** The card was unlocked by its holder. */
  | 'CARD_UNLOCKED'
  /** The customer's account was frozen pending review: no payment is accepted. */
  | 'CUSTOMER_FROZEN'
  /** The customer's account was released from a freeze. */
  | 'CUSTOMER_UNFROZEN'
  /** A payment took a daily, monthly or yearly limit to 80 % or more of its amount (once per window and rule): limitUsage. */
  | 'LIMIT_NEARLY_USED'
  /** A payment approved by the wallet, the network and the issuer. */
  | 'PAYMENT_APPROVED'
  /** A payment declined; errorCode says why. */
  | 'PAYMENT_DECLINED'
  /** A payment undone on every platform. */
  | 'PAYMENT_REVERSED'
  /** A day's penalty was charged on an overdue bill: billId, penaltyDate, amountFen. */
  | 'PENALTY_POSTED'
  /** A repayment was posted to the customer's credit line; amountFen says how much. */
  | 'REPAYMENT_POSTED'
  /** A statement was issued: billId, dueDate, totalDueFen and minimumDueFen. */
  | 'STATEMENT_ISSUED';

/** A limit's use in its current window, as it stood when the event happened. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type ActivityLimitUsage = {
  __typename?: 'ActivityLimitUsage';
  /** The most the rule allows in the window, in whole fen. */
  limitFen: Scalars['Fen']['output'];
  /** The rule's stable id, e.g. `wechat-pay.daily`. */
  ruleId: Scalars['String']['output'];
  /** Spent in the window so far, in whole fen. */
  usedFen: Scalars['Fen']['output'];
  /** Which window: DAILY, MONTHLY or YEARLY. */
  window: Scalars['String']['output'];
  /** The window itself: the day (`2026-11-29`), the month (`2026-11`) or the year (`2026`). */
  windowKey: Scalars['String']['output'];
};

/** A card to bind into a wallet. */
export type BindCardInput = {
  /** The card, as the issuer knows it. */
  cardId: Scalars['ID']['input'];
  /** The device binding the card, when known: one the wallet cannot pay with is declined as DEVICE_NOT_SUPPORTED before any platform call. */
  device?: InputMaybe<DeviceInput>;
  /** The wallet's verification fields by name (see the wallet adapter's verification flow). */
  fields: Array<VerificationFieldInput>;
  /** Chosen by the client, 8 to 64 letters, digits, - or _; the same key replays the first result. */
  idempotencyKey: Scalars['String']['input'];
  /** The wallet platform's adapter id, e.g. `wechat-pay`. */
  walletPlatform: Scalars['ID']['input'];
};

/** What became of a binding request. */
export type BindCardResult = {
  __typename?: 'BindCardResult';
  /** The binding, when it was made (or already existed). */
  binding?: Maybe<WalletBinding>;
  /** Why not, when it was not. */
  error?: Maybe<CanonicalError>;
  /** The fields at fault, each with its own canonical error. */
  fieldErrors: Array<CanonicalError>;
  /** Whether the card is now bound. */
  ok: Scalars['Boolean']['output'];
};

/** Whether a binding can pay. */
export type BindingStatus =
  /** The wallet can pay with the card. */
  | 'ACTIVE'
  /** Removed from the wallet. */
  | 'REMOVED'
  /** Suspended by the wallet; the binding stays but cannot pay. */
  | 'SUSPENDED';

/** A failure in the one canonical language, whatever platform produced it. The platform's own code and words are kept for support staff. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CanonicalError = {
  __typename?: 'CanonicalError';
  /** The canonical code, e.g. LIMIT_EXCEEDED. */
  code: CanonicalErrorCode;
  /** Whether and how to try again. */
  decision: ErrorDecision;
  /** The input field at fault, for input errors. */
  field?: Maybe<Scalars['String']['output']>;
  /** The nearest ISO 8583 field-39 response code. */
  iso8583?: Maybe<Scalars['String']['output']>;
  /** For a broken limit: the id of the limit rule that fired, e.g. `unionpay-quickpass.per-payment`. */
  limitRuleId?: Maybe<Scalars['String']['output']>;
  /** For a broken limit: the window of the rule that fired; PER_PAYMENT never resets, a calendar window does. */
  limitWindow?: Maybe<LimitWindow>;
  /** The message in the language the request asked for (Accept-Language: zh-CN or en; zh-CN when neither). */
  localizedMessage: Scalars['String']['output'];
  /** What to tell the user, in zh-CN and en. */
  message: LocalizedText;
  /** The adapter id of the platform that produced it, e.g. `unionpay`. */
  platform: Scalars['String']['output'];
  /** The platform's own code. */
  platformCode: Scalars['String']['output'];
  /** The platform's own message, as its users see it. */
  platformMessage: Scalars['String']['output'];
  /** The next step that resolves it. */
  remedy: Remedy;
  /** Seconds to wait before retrying, when the platform says. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

/** The canonical error codes (adapters/sdk/src/canonical-errors.ts). */
export type CanonicalErrorCode =
  | 'ACCOUNT_FROZEN'
  | 'BINDING_NOT_ACTIVE'
  | 'CARD_EXPIRED'
  | 'CARD_LOCKED'
  | 'CARD_LOST'
  | 'CARD_NOT_ACTIVE'
  | 'CARD_RESTRICTED'
  | 'CONFIGURATION_ERROR'
  | 'DAILY_QUOTA_REACHED'
  | 'DEVICE_NOT_SUPPORTED'
  | 'DUPLICATE_REQUEST'
  | 'FREQUENCY_LIMITED'
  | 'HOLDER_INFO_MISMATCH'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INCORRECT_PIN'
  | 'INSUFFICIENT_CREDIT'
  | 'INSUFFICIENT_FUNDS'
  | 'INVALID_AMOUNT'
  | 'INVALID_CARD_NUMBER'
  | 'INVALID_FORMAT'
  | 'INVALID_MERCHANT'
  | 'INVALID_TOKEN'
  | 'ISSUER_DECLINED'
  | 'LIMIT_EXCEEDED'
  | 'MERCHANT_RESTRICTED'
  | 'NOT_ELIGIBLE'
  | 'ORDER_CLOSED'
  | 'OVERDUE_DEBT'
  | 'PIN_TRIES_EXCEEDED'
  | 'PLATFORM_ERROR'
  | 'PLATFORM_UNAVAILABLE'
  | 'REPAYMENT_NOT_SUPPORTED'
  | 'SUSPECTED_FRAUD'
  | 'SYSTEM_BUSY'
  | 'TRANSACTION_IN_PROGRESS'
  | 'TRANSACTION_NOT_PERMITTED'
  | 'VERIFICATION_FAILED';

export type Card = {
  __typename?: 'Card';
  /** The card's id. */
  id: Scalars['ID']['output'];
  /** Per binding: the amount payable right now through that wallet and the rule that binds it. */
  payableNow: Array<PayableAmount>;
  upstreamLimits: Array<LimitStatus>;
  /** The card's bindings into wallets, active or not. */
  walletBindings: Array<WalletBinding>;
};

/** A customer's wallet accounts, as the wallet platforms hold them. */
export type Customer = {
  __typename?: 'Customer';
  /** The date of birth, as the issuer holds it. */
  birthDate: Scalars['Date']['output'];
  /** Whether the issuer has an overdue bill for the customer. */
  hasOverdueDebt: Scalars['Boolean']['output'];
  /** The customer's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Whether the issuer has frozen the customer. */
  isFrozen: Scalars['Boolean']['output'];
  /** The real-name verification level, as the issuer holds it. */
  realNameLevel: Scalars['Int']['output'];
  /** The customer's accounts at the wallet platforms. */
  walletAccounts: Array<WalletAccount>;
  /**
   * Per wallet platform: whether the customer may bind the card there, and every reason why not.
   * Given a device, also whether that device can pay with the wallet (NFC from iPhone 6 and
   * Android 5.0 on a phone that has it, QR codes with the camera, a PC web payments only): a
   * device with neither NFC nor QR code is a DEVICE reason (DEVICE_NOT_SUPPORTED), and
   * `paymentMethods` lists what it can use.
   */
  walletEligibility: Array<PlatformEligibility>;
};


/** A customer's wallet accounts, as the wallet platforms hold them. */
export type CustomerWalletEligibilityArgs = {
  device?: InputMaybe<DeviceInput>;
};

/** A device asked about: what it runs and what it has. */
export type DeviceInput = {
  /** Whether the device has a camera the app may use (for QR codes). */
  hasCamera: Scalars['Boolean']['input'];
  /** Whether the device has NFC (and it is switched on). */
  hasNfc: Scalars['Boolean']['input'];
  /** The operating system: IOS, ANDROID or WINDOWS. */
  os: Scalars['String']['input'];
  /** The device model for iOS (e.g. `iPhone 13`), the system version for Android (e.g. `5.0` or `12`); optional on Windows. */
  version?: InputMaybe<Scalars['String']['input']>;
};

/** What one operating system can do with a platform (the source's device table). A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type DeviceSupport = {
  __typename?: 'DeviceSupport';
  /** Whether the platform pays by NFC on this system (on a recent enough device). */
  nfc: Scalars['Boolean']['output'];
  /** The oldest device or system version NFC works from, e.g. `iPhone 6` or `5.0`; null when any or none. */
  nfcMinVersion?: Maybe<Scalars['String']['output']>;
  /** The platform's notes on this system, e.g. camera permission or background reads. */
  notes: Array<LocalizedText>;
  /** The operating system: IOS, ANDROID or WINDOWS. */
  os: Scalars['String']['output'];
  /** Whether the platform pays by scanning a QR code on this system (the camera is needed). */
  qr: Scalars['Boolean']['output'];
  /** Whether the platform takes web payments on this system. */
  web: Scalars['Boolean']['output'];
};

/** What an eligibility answer is about. */
export type EligibilityAction =
  /** Binding the card into a wallet. */
  | 'BIND_CARD'
  /** Getting the virtual card at the issuer. */
  | 'GET_CARD';

/** One failing eligibility rule. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type EligibilityReason = {
  __typename?: 'EligibilityReason';
  /** The failure in the canonical language, with the platform's own words and the remedy. */
  error: CanonicalError;
  /** The rule that fails. */
  rule: EligibilityRule;
};

/** The eligibility rules a platform can declare. */
export type EligibilityRule =
  /** The issuer has frozen the account. */
  | 'ACCOUNT_FROZEN'
  /** The device asked about cannot pay with the platform in any way it takes (NFC or QR code). */
  | 'DEVICE'
  /** Older than the platform's maximum age. */
  | 'MAX_AGE'
  /** Younger than the platform's minimum age. */
  | 'MIN_AGE'
  /** A bill is overdue. */
  | 'OVERDUE_DEBT'
  /** The real-name verification level is below the platform's minimum. */
  | 'REAL_NAME_LEVEL'
  /** The wallet account is missing or restricted. */
  | 'WALLET_INACTIVE';

/** Whether and how to try again. */
export type ErrorDecision =
  /** Final: do not retry. */
  | 'DO_NOT_RETRY'
  /** Transient: the same request may succeed later. */
  | 'RETRY'
  /** The user must act first (the remedy says how). */
  | 'USER_ACTION';

/** What kind of bound a limit is. */
export type LimitKind =
  /** A platform's amount limit over a window. */
  | 'AMOUNT_PER_WINDOW'
  /** The issuer's credit still available on the credit line. */
  | 'CREDIT_AVAILABLE';

/** Whose spending a limit counts. */
export type LimitScope =
  /** One card, whatever wallet it pays through. */
  | 'CARD'
  /** Everything one customer pays. */
  | 'CUSTOMER'
  /** One wallet account, whatever card it pays with. */
  | 'WALLET_ACCOUNT';

/** One platform rule that bounds a payment, with what is used and what remains right now. */
export type LimitStatus = {
  __typename?: 'LimitStatus';
  /** A canonical error code when the platform blocks payments whatever the amount (e.g. ACCOUNT_FROZEN). */
  blockedCode?: Maybe<Scalars['String']['output']>;
  /** The most payments the rule allows in its window, when it counts payments. */
  countLimit?: Maybe<Scalars['Int']['output']>;
  /** The rule in words, e.g. 1,000 CNY per payment. */
  description: LocalizedText;
  /** The rule as it applies to one subject: `card:<card id>/<rule id>` for the issuer's, the holder's and the network's rules on a card, `binding:<binding id>/<rule id>` for a wallet's rules on a binding, `wallet-account:<account id>/<rule id>` for a wallet's rules on an account. Unique and stable, so a client cache can key on it; ruleId repeats across cards. */
  id: Scalars['ID']['output'];
  /** Credit available or an amount limit over a window. */
  kind: LimitKind;
  /** The most the rule allows in its window. */
  limitFen: Scalars['Fen']['output'];
  /** The platform whose rule it is. */
  platform: Platform;
  /** What a payment may still take under this rule alone, never below zero. */
  remainingFen: Scalars['Fen']['output'];
  /** When the current window ends and the usage resets; null for PER_PAYMENT and ALL_TIME. */
  resetsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable rule id from the platform's adapter, e.g. `unionpay.daily`. */
  ruleId: Scalars['ID']['output'];
  /** Whose spending the rule counts. */
  scope: LimitScope;
  /** Payments counted in the current window, when the rule counts payments. */
  usedCount?: Maybe<Scalars['Int']['output']>;
  /** Spent in the current window (0 for PER_PAYMENT). */
  usedFen: Scalars['Fen']['output'];
  /** The calendar window the rule counts over. */
  window: LimitWindow;
};

/** The calendar window a limit counts over, in the limit's time zone (Asia/Shanghai). */
export type LimitWindow =
  /** Never resets. */
  | 'ALL_TIME'
  /** A calendar day. */
  | 'DAILY'
  /** A calendar month. */
  | 'MONTHLY'
  /** Each payment on its own. */
  | 'PER_PAYMENT'
  /** A calendar year. */
  | 'YEARLY';

/** Text in the two languages the graph serves. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type LocalizedText = {
  __typename?: 'LocalizedText';
  /** English. */
  en: Scalars['String']['output'];
  /** Simplified Chinese (zh-CN). */
  zhCN: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Binds one of the customer's cards into a wallet, with that wallet's verification: the
   * four elements (name, resident ID number, mobile number, card number) for WeChat Pay; the
   * card number, CVV2 and an SMS code for Cloud QuickPass. Input is checked field by field
   * before any platform is called; the card's issuer confirms the elements are this card's.
   */
  bindCard: BindCardResult;
  /**
   * Deletes an endpoint: nothing is posted to it any more, and its pending deliveries are
   * CANCELLED (its log stays readable with webhookEndpoints(includeDeleted: true)). Deleting it
   * again answers the same. Operators may delete any endpoint, a customer their own.
   */
  deleteWebhookEndpoint: WebhookEndpoint;
  /**
   * Pays a merchant with a card bound in a wallet. The payment runs the real chain: the
   * wallet (binding and wallet limits), then the clearing network (card network limits),
   * then the issuer (account and card state, credit). A decline by any of them comes back
   * as data, in the canonical error language; retrying with the same idempotency key
   * returns the first result and moves no money again.
   */
  pay: PayResult;
  /**
   * Adds one of the customer's cards to a wallet from the issuer, as issuing apps push a card
   * into a device wallet: the issuer mints an opaque, single-use reference valid two minutes and
   * the wallet redeems it with the issuer, so no card number is typed, sent or returned. The
   * binding records the method PUSH_PROVISIONING. The same idempotency key replays the first result.
   */
  provisionCardToWallet: BindCardResult;
  /**
   * Operators: reverses, down the whole chain, payments a crash or a lost answer left
   * unfinished for at least `olderThanSeconds`. Also runs by itself in the background.
   */
  recoverPayments: PaymentRecoveryReport;
  /** Sends a delivery's event to its endpoint again, now (and with retries for another 24 hours). The endpoint's owner only. */
  redeliverWebhookEvent: WebhookDelivery;
  /**
   * Registers an endpoint that receives the signed-in customer's own events of the listed
   * types. The signing secret is in the answer and never shown again.
   */
  registerCustomerWebhookEndpoint: RegisteredWebhookEndpoint;
  /**
   * Registers an endpoint that receives the listed event types of every customer. Operators
   * only. The signing secret is in the answer and never shown again.
   */
  registerWebhookEndpoint: RegisteredWebhookEndpoint;
  /**
   * Removes a card from a wallet (status REMOVED): the binding leaves the card's and the
   * account's bindings and payableNow, and a payment with it is refused with
   * BINDING_NOT_ACTIVE. Removing a removed binding changes nothing; the card can be bound again.
   */
  removeWalletBinding: RemoveWalletBindingResult;
  /** Wallets cannot take repayments: always answers REPAYMENT_NOT_SUPPORTED with the remedy REPAY_AT_ISSUER and where to repay. Moves no money. */
  repayThroughWallet: WalletRepaymentResult;
  /**
   * Gives an endpoint a new signing secret, in the answer and never shown again. For the hours
   * asked the previous secret keeps signing beside it: Cardweave-Signature then carries two v1,
   * the new secret's first, so the receiver can switch without refusing a request. The
   * endpoint's owner only.
   */
  rotateWebhookEndpointSecret: RotatedWebhookSecret;
};


export type MutationBindCardArgs = {
  input: BindCardInput;
};


export type MutationDeleteWebhookEndpointArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationPayArgs = {
  input: PayInput;
};


export type MutationProvisionCardToWalletArgs = {
  input: ProvisionCardInput;
};


export type MutationRecoverPaymentsArgs = {
  olderThanSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationRedeliverWebhookEventArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationRegisterCustomerWebhookEndpointArgs = {
  eventTypes: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};


export type MutationRegisterWebhookEndpointArgs = {
  eventTypes: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};


export type MutationRemoveWalletBindingArgs = {
  bindingId: Scalars['ID']['input'];
};


export type MutationRepayThroughWalletArgs = {
  input: WalletRepaymentInput;
};


export type MutationRotateWebhookEndpointSecretArgs = {
  endpointId: Scalars['ID']['input'];
  previousSecretHours?: InputMaybe<Scalars['Int']['input']>;
};

/** Relay-style page information for cursor pagination. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A payment request. */
export type PayInput = {
  /** The amount in whole fen: from 1 to 100000000 (1,000,000 CNY), the largest payment accepted. */
  amountFen: Scalars['Fen']['input'];
  /** The wallet binding to pay with. */
  bindingId: Scalars['ID']['input'];
  /** The device paying, when known: one the wallet cannot pay with is declined as DEVICE_NOT_SUPPORTED before any hop. */
  device?: InputMaybe<DeviceInput>;
  /** Chosen by the client, 8 to 64 letters, digits, - or _; the same key replays the first result. */
  idempotencyKey: Scalars['String']['input'];
  /** The merchant's ISO 18245 category code, four digits. */
  merchantCategoryCode: Scalars['String']['input'];
  /** The merchant's name as it should appear on the bill. */
  merchantName: Scalars['String']['input'];
};

/** What became of a payment request: approved, or the canonical reason it was not. */
export type PayResult = {
  __typename?: 'PayResult';
  /** Why it was declined, when it was. */
  error?: Maybe<CanonicalError>;
  /** Whether the payment was approved. */
  ok: Scalars['Boolean']['output'];
  /** The payment, when one was started (a request refused before any hop has none). */
  payment?: Maybe<Payment>;
};

/** What a card can pay right now through one bound wallet, and which platform's rule binds it. */
export type PayableAmount = {
  __typename?: 'PayableAmount';
  /** The smallest remaining amount over every platform's rules: issuer credit, wallet limits, network limits. */
  amountFen: Scalars['Fen']['output'];
  /** The binding the payment would go through. */
  binding: WalletBinding;
  /** The rule that gives that smallest amount. */
  bindingRule: LimitStatus;
  /** `binding:<binding id>`: one payable amount per binding (a card in one wallet account), so its LimitStatus rules carry the same subject. */
  id: Scalars['ID']['output'];
  /** Every rule considered, in route order: issuer, network, wallet. */
  rules: Array<LimitStatus>;
  /** The wallet platform of that binding. */
  walletPlatform: Platform;
};

/** A payment started in a wallet: the wallet's record of the whole chain. */
export type Payment = {
  __typename?: 'Payment';
  /** The amount in fen. */
  amountFen: Scalars['Fen']['output'];
  /** The wallet binding it was paid with. */
  binding: WalletBinding;
  /** When the wallet received it. */
  createdAt: Scalars['DateTime']['output'];
  /** Why it was declined, when it was. */
  error?: Maybe<CanonicalError>;
  /** The payment's id, which every hop of the chain records. */
  id: Scalars['ID']['output'];
  /** The merchant's ISO 18245 category code. */
  merchantCategoryCode: Scalars['String']['output'];
  /** The merchant's name. */
  merchantName: Scalars['String']['output'];
  /** Where the payment stands. */
  status: PaymentStatus;
  /** The clearing network's record of it. */
  transaction?: Maybe<Transaction>;
};

/** A way to pay with a wallet on a device. */
export type PaymentMethod =
  /** Tapping the phone on the terminal (NFC). */
  | 'NFC'
  /** Scanning or showing a QR code (needs the camera). */
  | 'QR'
  /** Paying in a web page. */
  | 'WEB';

/** What a recovery run did. */
export type PaymentRecoveryReport = {
  __typename?: 'PaymentRecoveryReport';
  /** Unfinished payments found. */
  examined: Scalars['Int']['output'];
  /** Reversed on every platform. */
  reversed: Scalars['Int']['output'];
  /** Still unfinished: clearing could not be reached; tried again on the next run. */
  stillOpen: Scalars['Int']['output'];
};

/** Where a payment stands. */
export type PaymentStatus =
  /** Approved by the wallet, the network and the issuer. */
  | 'APPROVED'
  /** Declined by one of them; the error says which and why. */
  | 'DECLINED'
  /** The wallet reserved it; clearing and the issuer are deciding. */
  | 'PROCESSING'
  /** Undone on every platform: nothing was charged. */
  | 'REVERSED';

/** A platform, as its adapter describes it. */
export type Platform = {
  __typename?: 'Platform';
  /** What each operating system can do with the platform, as its adapter declares it (NFC, QR code, web). */
  devices: Array<DeviceSupport>;
  /** The platform's name, e.g. 微信支付 / WeChat Pay. */
  displayName: LocalizedText;
  /** The adapter id, e.g. `wechat-pay`. */
  id: Scalars['ID']['output'];
  /** The part the platform plays: issuer, wallet or clearing. */
  role: PlatformRole;
};

/** Whether a customer may get (issuer) or bind (wallet) the card on one platform, and every reason why not. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type PlatformEligibility = {
  __typename?: 'PlatformEligibility';
  /** What the platform would let the customer do. */
  action: EligibilityAction;
  /** Age in full years today (Asia/Shanghai), from the resident ID number. */
  age: Scalars['Int']['output'];
  /** True when no rule fails. */
  eligible: Scalars['Boolean']['output'];
  /** The ways the device asked about can pay with the platform; null when no device was given. */
  paymentMethods?: Maybe<Array<PaymentMethod>>;
  /** The platform whose rules these are. */
  platform: Platform;
  /** Every rule that fails, each with its canonical error and remedy. */
  reasons: Array<EligibilityReason>;
};

/** What part a platform plays in a card program. */
export type PlatformRole =
  /** Routes payments between wallet and issuer (e.g. UnionPay). */
  | 'CLEARING'
  /** Owns the credit line, the card and the bills (e.g. JD Finance). */
  | 'ISSUER'
  /** Holds the card binding and pays with it (e.g. WeChat Pay). */
  | 'WALLET';

/** A card to push from the issuer into a wallet. */
export type ProvisionCardInput = {
  /** The card, as the issuer knows it. */
  cardId: Scalars['ID']['input'];
  /** The device adding the card, when known: one the wallet cannot pay with is declined as DEVICE_NOT_SUPPORTED. */
  device?: InputMaybe<DeviceInput>;
  /** Chosen by the client, 8 to 64 letters, digits, - or _; the same key replays the first result. */
  idempotencyKey: Scalars['String']['input'];
  /** The wallet platform's adapter id, e.g. `unionpay-quickpass`. */
  walletPlatform: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** A payment started in a wallet, by id. */
  payment?: Maybe<Payment>;
  /** A wallet binding by id. */
  walletBinding?: Maybe<WalletBinding>;
  /**
   * Webhook endpoints, oldest first. An operator sees every endpoint: those registered by
   * operators (every customer's events) and each customer's own. A signed-in customer sees only
   * the endpoints they registered themselves.
   */
  webhookEndpoints: WebhookEndpointConnection;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWalletBindingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A new endpoint and its signing secret. */
export type RegisteredWebhookEndpoint = {
  __typename?: 'RegisteredWebhookEndpoint';
  /** The endpoint as registered. */
  endpoint: WebhookEndpoint;
  /**
   * The key of the Cardweave-Signature header, shown only here: `t=<unix seconds>,v1=<hex
   * HMAC-SHA256 of "<t>.<raw body>">`. Compare in constant time and refuse old timestamps.
   */
  signingSecret: Scalars['String']['output'];
};

/** Machine-readable next steps that resolve an error. */
export type Remedy =
  | 'CHANGE_PAYMENT_SCENE'
  | 'CONFIRM_IN_APP'
  | 'CONTACT_SUPPORT'
  | 'CORRECT_INPUT'
  | 'LOWER_AMOUNT'
  | 'NONE'
  | 'OPEN_WALLET_ACCOUNT'
  | 'PAY_BY_QR_CODE'
  | 'QUERY_STATUS'
  | 'RAISE_REAL_NAME_LEVEL'
  | 'REPAY_AT_ISSUER'
  | 'REPAY_OVERDUE_BILL'
  | 'RETRY_LATER'
  | 'REVERIFY_IDENTITY'
  | 'UNLOCK_CARD'
  | 'USE_ANOTHER_CARD'
  | 'USE_ANOTHER_WALLET'
  | 'WAIT_FOR_NEXT_WINDOW';

/** What became of a request to remove a binding. */
export type RemoveWalletBindingResult = {
  __typename?: 'RemoveWalletBindingResult';
  /** The binding as it now stands. */
  binding?: Maybe<WalletBinding>;
  /** Whether this request removed it (false when it already was). */
  changed: Scalars['Boolean']['output'];
  /** Whether the binding is now removed. */
  ok: Scalars['Boolean']['output'];
};

/** An endpoint's new signing secret. */
export type RotatedWebhookSecret = {
  __typename?: 'RotatedWebhookSecret';
  /** The endpoint, with its new secret. */
  endpoint: WebhookEndpoint;
  /** Until when the previous secret still signs beside the new one; null if it stopped now. */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The new key of the Cardweave-Signature header, shown only here. */
  signingSecret: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The activity of one of the signed-in customer's cards, oldest first. With `after` (the id of
   * the last event received), resumes right after it: the events since are sent first, then the
   * new ones as they happen. Another customer's card, or a card without activity, sends nothing.
   * Events are kept for a limited time (30 days unless the operator sets otherwise): an `after`
   * no longer kept is refused with BAD_USER_INPUT on the field `after`, since the events after it
   * may be gone too; reload what you show and subscribe again without `after`.
   */
  cardActivity: ActivityEvent;
  /** The activity of every card of the signed-in customer, oldest first; `after` resumes, and is refused when no longer kept, as for cardActivity. */
  customerActivity: ActivityEvent;
};


export type SubscriptionCardActivityArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  cardId: Scalars['ID']['input'];
};


export type SubscriptionCustomerActivityArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
};

/** A payment as the clearing network recorded it; resolved by the clearing subgraph. */
export type Transaction = {
  __typename?: 'Transaction';
  /** The transaction's id. */
  id: Scalars['ID']['output'];
};

/** One value entered for a verification step. */
export type VerificationFieldInput = {
  /** The field's name, as the step lists it (e.g. `smsCode`). */
  name: Scalars['String']['input'];
  /** What was entered. Secret values (codes, passwords, face tokens) are never stored or logged. */
  value: Scalars['String']['input'];
};

/** A customer's account at one wallet platform. */
export type WalletAccount = {
  __typename?: 'WalletAccount';
  /** The cards bound into this account. */
  bindings: Array<WalletBinding>;
  /** The wallet account's id. */
  id: Scalars['ID']['output'];
  /** The wallet platform's limits on this account, with what is used and what remains. */
  limits: Array<LimitStatus>;
  /** The wallet platform that holds the account. */
  platform: Platform;
  /** Whether the wallet lets the account pay. */
  status: WalletAccountStatus;
};

/** Whether a wallet lets an account pay. */
export type WalletAccountStatus =
  /** The account can pay. */
  | 'ACTIVE'
  /** The wallet restricts payments (its risk response); the user must pass face recognition again. */
  | 'RESTRICTED';

/** A card bound into a wallet. */
export type WalletBinding = {
  __typename?: 'WalletBinding';
  /** The wallet account the card is bound into. */
  account: WalletAccount;
  /** When the card was bound. */
  boundAt: Scalars['DateTime']['output'];
  /** The card that is bound. */
  card: Card;
  /** The binding's id. */
  id: Scalars['ID']['output'];
  /** Whether the binding can pay. */
  status: BindingStatus;
  /** The verification the wallet ran when the card was bound, e.g. FOUR_ELEMENTS. */
  verificationMethod: Scalars['String']['output'];
  /** The wallet's limits on the account this binding pays from. */
  walletLimits: Array<LimitStatus>;
  /** The wallet platform the card is bound into. */
  walletPlatform: Platform;
};

/** Where a card holder repays, as the wallet points to it. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type WalletRepayAt = {
  __typename?: 'WalletRepayAt';
  /** Where in the issuer's app to repay. */
  channel: LocalizedText;
  /** The issuer platform. */
  platform: Platform;
};

/** A repayment attempted through a wallet. */
export type WalletRepaymentInput = {
  /** The amount, in whole fen: any Fen, -9007199254740991 to 9007199254740991 (the wallet takes no repayment; the answer says where to repay). */
  amountFen: Scalars['Fen']['input'];
  /** The customer who tries to repay. */
  customerId: Scalars['ID']['input'];
  /** A key of the client's choosing; the answer is the same for every retry. */
  idempotencyKey: Scalars['String']['input'];
  /** The wallet platform tried, e.g. `wechat-pay`. */
  walletPlatform: Scalars['ID']['input'];
};

/** The wallet's answer to a repayment: never ok, always with where to repay. */
export type WalletRepaymentResult = {
  __typename?: 'WalletRepaymentResult';
  /** REPAYMENT_NOT_SUPPORTED, naming the issuer as the place to repay. */
  error?: Maybe<CanonicalError>;
  /** Always false: wallets do not take repayments. */
  ok: Scalars['Boolean']['output'];
  /** The issuer and its channel, where the card holder repays. */
  repayAt?: Maybe<WalletRepayAt>;
};

/** One HTTP request of a delivery. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  /** When the request was sent. */
  attemptedAt: Scalars['DateTime']['output'];
  /** How long the request took, in milliseconds. */
  durationMs: Scalars['Int']['output'];
  /** Why it failed without an answer (timeout, refused connection), if it did. */
  error?: Maybe<Scalars['String']['output']>;
  /** 1 for the first attempt, then counting up. */
  number: Scalars['Int']['output'];
  /** The HTTP status, if the endpoint answered. */
  status?: Maybe<Scalars['Int']['output']>;
};

/** One event's delivery to one endpoint. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts made so far. */
  attemptCount: Scalars['Int']['output'];
  /** Each attempt, oldest first. */
  attempts: Array<WebhookAttempt>;
  /** When the endpoint answered 2xx, once DELIVERED. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event delivered (its id is also in the posted body). */
  eventId: Scalars['ID']['output'];
  /** The event's type. */
  eventType: Scalars['String']['output'];
  /** The delivery's id, for redeliverWebhookEvent. */
  id: Scalars['ID']['output'];
  /** Why the last attempt failed (timeout, refused connection, HTTP status). */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last attempt, if the endpoint answered. */
  lastStatus?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due, while PENDING. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the delivery stands. */
  status: WebhookDeliveryStatus;
};

/** Where one delivery stands. */
export type WebhookDeliveryStatus =
  /** Not delivered: the endpoint was deleted first. */
  | 'CANCELLED'
  /** The endpoint answered 2xx. */
  | 'DELIVERED'
  /** No 2xx within 24 hours of attempts; redeliverWebhookEvent tries again. */
  | 'FAILED'
  /** Waiting for its next attempt. */
  | 'PENDING';

/** An HTTP(S) endpoint events are posted to. */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** When it was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer whose endpoint it is, and whose events it receives; null for an operator's endpoint receiving every customer's events (scope ALL_CUSTOMERS). */
  customerId?: Maybe<Scalars['ID']['output']>;
  /** When it was deleted; null while events are posted to it. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The delivery log, newest first: for the endpoint's owner (operators for an ALL_CUSTOMERS endpoint, the customer for their own); empty for anyone else, an operator reading a customer's endpoint too. */
  deliveries: Array<WebhookDelivery>;
  /** The event types posted to it (payment.approved, binding.added, …). */
  eventTypes: Array<Scalars['String']['output']>;
  /** The endpoint's id. */
  id: Scalars['ID']['output'];
  /** While a rotated-out secret still signs beside the current one: until when. */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whose events it receives. */
  scope: WebhookScope;
  /** Where events are posted (http or https). */
  url: Scalars['String']['output'];
};


/** An HTTP(S) endpoint events are posted to. */
export type WebhookEndpointDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of webhook endpoints. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type WebhookEndpointConnection = {
  __typename?: 'WebhookEndpointConnection';
  /** The endpoints on this page, each with its cursor. */
  edges: Array<WebhookEndpointEdge>;
  /** Whether more endpoints follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** A webhook endpoint on a page, with its cursor. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  /** Pass as `after` to get the endpoints after this one. */
  cursor: Scalars['String']['output'];
  /** The endpoint. */
  node: WebhookEndpoint;
};

/** Whose events an endpoint receives. */
export type WebhookScope =
  /** Every customer's (registered by an operator). */
  | 'ALL_CUSTOMERS'
  /** One customer's own (registered by that customer). */
  | 'CUSTOMER';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Card: Card;
  Customer: Customer;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Card:
    ( { __typename: 'Card' }
    & GraphQLRecursivePick<FederationTypes['Card'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Card'], {"upstreamLimits":{"id":true,"ruleId":true,"platform":{"id":true,"role":true,"displayName":{"zhCN":true,"en":true}},"kind":true,"window":true,"scope":true,"limitFen":true,"usedFen":true,"remainingFen":true,"countLimit":true,"usedCount":true,"resetsAt":true,"blockedCode":true,"description":{"zhCN":true,"en":true}}}> ) );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"realNameLevel":true,"birthDate":true,"hasOverdueDebt":true,"isFrozen":true}> ) );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivityEvent: ResolverTypeWrapper<DomainEvent>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ActivityEventType: ActivityEventType;
  ActivityLimitUsage: ResolverTypeWrapper<ActivityLimitUsage>;
  BindCardInput: BindCardInput;
  BindCardResult: ResolverTypeWrapper<BindCardResultModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BindingStatus: BindingStatus;
  CanonicalError: ResolverTypeWrapper<CanonicalErrorModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CanonicalErrorCode: CanonicalErrorCode;
  Card: ResolverTypeWrapper<CardRepresentation>;
  Customer: ResolverTypeWrapper<CustomerFacts>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceInput: DeviceInput;
  DeviceSupport: ResolverTypeWrapper<Omit<DeviceSupport, 'notes'> & { notes: Array<ResolversTypes['LocalizedText']> }>;
  EligibilityAction: EligibilityAction;
  EligibilityReason: ResolverTypeWrapper<EligibilityReasonModel>;
  EligibilityRule: EligibilityRule;
  ErrorDecision: ErrorDecision;
  Fen: ResolverTypeWrapper<Scalars['Fen']['output']>;
  LimitKind: LimitKind;
  LimitScope: LimitScope;
  LimitStatus: ResolverTypeWrapper<LimitStatusModel>;
  LimitWindow: LimitWindow;
  LocalizedText: ResolverTypeWrapper<LocalizedTextModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PayInput: PayInput;
  PayResult: ResolverTypeWrapper<PaymentResultModel>;
  PayableAmount: ResolverTypeWrapper<PayableAmountModel>;
  Payment: ResolverTypeWrapper<PaymentEntity>;
  PaymentMethod: PaymentMethod;
  PaymentRecoveryReport: ResolverTypeWrapper<PaymentRecoveryReport>;
  PaymentStatus: PaymentStatus;
  Platform: ResolverTypeWrapper<PlatformModel>;
  PlatformEligibility: ResolverTypeWrapper<PlatformEligibilityModel>;
  PlatformRole: PlatformRole;
  ProvisionCardInput: ProvisionCardInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisteredWebhookEndpoint: ResolverTypeWrapper<RegisteredWebhookEndpointModel>;
  Remedy: Remedy;
  RemoveWalletBindingResult: ResolverTypeWrapper<BindingRemovalOutcome>;
  RotatedWebhookSecret: ResolverTypeWrapper<RotatedWebhookSecretModel>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Transaction: ResolverTypeWrapper<EntityRef>;
  VerificationFieldInput: VerificationFieldInput;
  WalletAccount: ResolverTypeWrapper<WalletAccountEntity>;
  WalletAccountStatus: WalletAccountStatus;
  WalletBinding: ResolverTypeWrapper<CardBindingEntity>;
  WalletRepayAt: ResolverTypeWrapper<Omit<WalletRepayAt, 'channel' | 'platform'> & { channel: ResolversTypes['LocalizedText'], platform: ResolversTypes['Platform'] }>;
  WalletRepaymentInput: WalletRepaymentInput;
  WalletRepaymentResult: ResolverTypeWrapper<WalletRepaymentOutcome>;
  WebhookAttempt: ResolverTypeWrapper<WebhookAttemptRow>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryRow>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointRow>;
  WebhookEndpointConnection: ResolverTypeWrapper<Omit<WebhookEndpointConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookEndpointEdge']> }>;
  WebhookEndpointEdge: ResolverTypeWrapper<Omit<WebhookEndpointEdge, 'node'> & { node: ResolversTypes['WebhookEndpoint'] }>;
  WebhookScope: WebhookScope;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActivityEvent: DomainEvent;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  ActivityLimitUsage: ActivityLimitUsage;
  BindCardInput: BindCardInput;
  BindCardResult: BindCardResultModel;
  Boolean: Scalars['Boolean']['output'];
  CanonicalError: CanonicalErrorModel;
  Int: Scalars['Int']['output'];
  Card: CardRepresentation;
  Customer: CustomerFacts;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeviceInput: DeviceInput;
  DeviceSupport: Omit<DeviceSupport, 'notes'> & { notes: Array<ResolversParentTypes['LocalizedText']> };
  EligibilityReason: EligibilityReasonModel;
  Fen: Scalars['Fen']['output'];
  LimitStatus: LimitStatusModel;
  LocalizedText: LocalizedTextModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PayInput: PayInput;
  PayResult: PaymentResultModel;
  PayableAmount: PayableAmountModel;
  Payment: PaymentEntity;
  PaymentRecoveryReport: PaymentRecoveryReport;
  Platform: PlatformModel;
  PlatformEligibility: PlatformEligibilityModel;
  ProvisionCardInput: ProvisionCardInput;
  Query: Record<PropertyKey, never>;
  RegisteredWebhookEndpoint: RegisteredWebhookEndpointModel;
  RemoveWalletBindingResult: BindingRemovalOutcome;
  RotatedWebhookSecret: RotatedWebhookSecretModel;
  Subscription: Record<PropertyKey, never>;
  Transaction: EntityRef;
  VerificationFieldInput: VerificationFieldInput;
  WalletAccount: WalletAccountEntity;
  WalletBinding: CardBindingEntity;
  WalletRepayAt: Omit<WalletRepayAt, 'channel' | 'platform'> & { channel: ResolversParentTypes['LocalizedText'], platform: ResolversParentTypes['Platform'] };
  WalletRepaymentInput: WalletRepaymentInput;
  WalletRepaymentResult: WalletRepaymentOutcome;
  WebhookAttempt: WebhookAttemptRow;
  WebhookDelivery: WebhookDeliveryRow;
  WebhookEndpoint: WebhookEndpointRow;
  WebhookEndpointConnection: Omit<WebhookEndpointConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookEndpointEdge']> };
  WebhookEndpointEdge: Omit<WebhookEndpointEdge, 'node'> & { node: ResolversParentTypes['WebhookEndpoint'] };
};

export type ActivityEventResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['ActivityEvent'] = ResolversParentTypes['ActivityEvent']> = {
  amountFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  billId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['CanonicalErrorCode']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limitUsage?: Resolver<Maybe<ResolversTypes['ActivityLimitUsage']>, ParentType, ContextType>;
  merchantName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  minimumDueFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outstandingFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  paymentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  penaltyDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  platformId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  repaymentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  totalDueFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ActivityEventType'], ParentType, ContextType>;
};

export type ActivityLimitUsageResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['ActivityLimitUsage'] = ResolversParentTypes['ActivityLimitUsage']> = {
  limitFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  window?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  windowKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BindCardResultResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['BindCardResult'] = ResolversParentTypes['BindCardResult']> = {
  binding?: Resolver<Maybe<ResolversTypes['WalletBinding']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  fieldErrors?: Resolver<Array<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CanonicalErrorResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['CanonicalError'] = ResolversParentTypes['CanonicalError']> = {
  code?: Resolver<ResolversTypes['CanonicalErrorCode'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['ErrorDecision'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  iso8583?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  limitRuleId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  limitWindow?: Resolver<Maybe<ResolversTypes['LimitWindow']>, ParentType, ContextType>;
  localizedMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remedy?: Resolver<ResolversTypes['Remedy'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type CardResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Card'] = ResolversParentTypes['Card'], FederationReferenceType extends FederationReferenceTypes['Card'] = FederationReferenceTypes['Card']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Card']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payableNow?: Resolver<Array<ResolversTypes['PayableAmount']>, ParentType, ContextType>;
  walletBindings?: Resolver<Array<ResolversTypes['WalletBinding']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  walletAccounts?: Resolver<Array<ResolversTypes['WalletAccount']>, ParentType, ContextType>;
  walletEligibility?: Resolver<Array<ResolversTypes['PlatformEligibility']>, ParentType, ContextType, Partial<CustomerWalletEligibilityArgs>>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeviceSupportResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['DeviceSupport'] = ResolversParentTypes['DeviceSupport']> = {
  nfc?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nfcMinVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  os?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qr?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  web?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type EligibilityReasonResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['EligibilityReason'] = ResolversParentTypes['EligibilityReason']> = {
  error?: Resolver<ResolversTypes['CanonicalError'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['EligibilityRule'], ParentType, ContextType>;
};

export interface FenScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Fen'], any> {
  name: 'Fen';
}

export type LimitStatusResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['LimitStatus'] = ResolversParentTypes['LimitStatus']> = {
  blockedCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  countLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LimitKind'], ParentType, ContextType>;
  limitFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  remainingFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  resetsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['LimitScope'], ParentType, ContextType>;
  usedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  usedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  window?: Resolver<ResolversTypes['LimitWindow'], ParentType, ContextType>;
};

export type LocalizedTextResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['LocalizedText'] = ResolversParentTypes['LocalizedText']> = {
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zhCN?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  bindCard?: Resolver<ResolversTypes['BindCardResult'], ParentType, ContextType, RequireFields<MutationBindCardArgs, 'input'>>;
  deleteWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'endpointId'>>;
  pay?: Resolver<ResolversTypes['PayResult'], ParentType, ContextType, RequireFields<MutationPayArgs, 'input'>>;
  provisionCardToWallet?: Resolver<ResolversTypes['BindCardResult'], ParentType, ContextType, RequireFields<MutationProvisionCardToWalletArgs, 'input'>>;
  recoverPayments?: Resolver<ResolversTypes['PaymentRecoveryReport'], ParentType, ContextType, RequireFields<MutationRecoverPaymentsArgs, 'olderThanSeconds'>>;
  redeliverWebhookEvent?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, RequireFields<MutationRedeliverWebhookEventArgs, 'deliveryId'>>;
  registerCustomerWebhookEndpoint?: Resolver<ResolversTypes['RegisteredWebhookEndpoint'], ParentType, ContextType, RequireFields<MutationRegisterCustomerWebhookEndpointArgs, 'eventTypes' | 'url'>>;
  registerWebhookEndpoint?: Resolver<ResolversTypes['RegisteredWebhookEndpoint'], ParentType, ContextType, RequireFields<MutationRegisterWebhookEndpointArgs, 'eventTypes' | 'url'>>;
  removeWalletBinding?: Resolver<ResolversTypes['RemoveWalletBindingResult'], ParentType, ContextType, RequireFields<MutationRemoveWalletBindingArgs, 'bindingId'>>;
  repayThroughWallet?: Resolver<ResolversTypes['WalletRepaymentResult'], ParentType, ContextType, RequireFields<MutationRepayThroughWalletArgs, 'input'>>;
  rotateWebhookEndpointSecret?: Resolver<ResolversTypes['RotatedWebhookSecret'], ParentType, ContextType, RequireFields<MutationRotateWebhookEndpointSecretArgs, 'endpointId' | 'previousSecretHours'>>;
};

export type PageInfoResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PayResultResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['PayResult'] = ResolversParentTypes['PayResult']> = {
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
};

export type PayableAmountResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['PayableAmount'] = ResolversParentTypes['PayableAmount']> = {
  amountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  binding?: Resolver<ResolversTypes['WalletBinding'], ParentType, ContextType>;
  bindingRule?: Resolver<ResolversTypes['LimitStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['LimitStatus']>, ParentType, ContextType>;
  walletPlatform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = {
  amountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  binding?: Resolver<ResolversTypes['WalletBinding'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merchantCategoryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  merchantName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
};

export type PaymentRecoveryReportResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['PaymentRecoveryReport'] = ResolversParentTypes['PaymentRecoveryReport']> = {
  examined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reversed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stillOpen?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlatformResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Platform'] = ResolversParentTypes['Platform']> = {
  devices?: Resolver<Array<ResolversTypes['DeviceSupport']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['PlatformRole'], ParentType, ContextType>;
};

export type PlatformEligibilityResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['PlatformEligibility'] = ResolversParentTypes['PlatformEligibility']> = {
  action?: Resolver<ResolversTypes['EligibilityAction'], ParentType, ContextType>;
  age?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eligible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paymentMethods?: Resolver<Maybe<Array<ResolversTypes['PaymentMethod']>>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['EligibilityReason']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  walletBinding?: Resolver<Maybe<ResolversTypes['WalletBinding']>, ParentType, ContextType, RequireFields<QueryWalletBindingArgs, 'id'>>;
  webhookEndpoints?: Resolver<ResolversTypes['WebhookEndpointConnection'], ParentType, ContextType, RequireFields<QueryWebhookEndpointsArgs, 'first' | 'includeDeleted'>>;
};

export type RegisteredWebhookEndpointResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['RegisteredWebhookEndpoint'] = ResolversParentTypes['RegisteredWebhookEndpoint']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  signingSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RemoveWalletBindingResultResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['RemoveWalletBindingResult'] = ResolversParentTypes['RemoveWalletBindingResult']> = {
  binding?: Resolver<Maybe<ResolversTypes['WalletBinding']>, ParentType, ContextType>;
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RotatedWebhookSecretResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['RotatedWebhookSecret'] = ResolversParentTypes['RotatedWebhookSecret']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  previousSecretExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  signingSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  cardActivity?: SubscriptionResolver<ResolversTypes['ActivityEvent'], "cardActivity", ParentType, ContextType, RequireFields<SubscriptionCardActivityArgs, 'cardId'>>;
  customerActivity?: SubscriptionResolver<ResolversTypes['ActivityEvent'], "customerActivity", ParentType, ContextType, Partial<SubscriptionCustomerActivityArgs>>;
};

export type TransactionResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type WalletAccountResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WalletAccount'] = ResolversParentTypes['WalletAccount']> = {
  bindings?: Resolver<Array<ResolversTypes['WalletBinding']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limits?: Resolver<Array<ResolversTypes['LimitStatus']>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WalletAccountStatus'], ParentType, ContextType>;
};

export type WalletBindingResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WalletBinding'] = ResolversParentTypes['WalletBinding']> = {
  account?: Resolver<ResolversTypes['WalletAccount'], ParentType, ContextType>;
  boundAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  card?: Resolver<ResolversTypes['Card'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BindingStatus'], ParentType, ContextType>;
  verificationMethod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  walletLimits?: Resolver<Array<ResolversTypes['LimitStatus']>, ParentType, ContextType>;
  walletPlatform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
};

export type WalletRepayAtResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WalletRepayAt'] = ResolversParentTypes['WalletRepayAt']> = {
  channel?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
};

export type WalletRepaymentResultResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WalletRepaymentResult'] = ResolversParentTypes['WalletRepaymentResult']> = {
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  repayAt?: Resolver<Maybe<ResolversTypes['WalletRepayAt']>, ParentType, ContextType>;
};

export type WebhookAttemptResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WebhookAttempt'] = ResolversParentTypes['WebhookAttempt']> = {
  attemptedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attemptCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<WebhookEndpointDeliveriesArgs, 'first'>>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  previousSecretExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['WebhookScope'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookEndpointConnectionResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WebhookEndpointConnection'] = ResolversParentTypes['WebhookEndpointConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookEndpointEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookEndpointEdgeResolvers<ContextType = WalletContext, ParentType extends ResolversParentTypes['WebhookEndpointEdge'] = ResolversParentTypes['WebhookEndpointEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
};

export type Resolvers<ContextType = WalletContext> = {
  ActivityEvent?: ActivityEventResolvers<ContextType>;
  ActivityLimitUsage?: ActivityLimitUsageResolvers<ContextType>;
  BindCardResult?: BindCardResultResolvers<ContextType>;
  CanonicalError?: CanonicalErrorResolvers<ContextType>;
  Card?: CardResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeviceSupport?: DeviceSupportResolvers<ContextType>;
  EligibilityReason?: EligibilityReasonResolvers<ContextType>;
  Fen?: GraphQLScalarType;
  LimitStatus?: LimitStatusResolvers<ContextType>;
  LocalizedText?: LocalizedTextResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PayResult?: PayResultResolvers<ContextType>;
  PayableAmount?: PayableAmountResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentRecoveryReport?: PaymentRecoveryReportResolvers<ContextType>;
  Platform?: PlatformResolvers<ContextType>;
  PlatformEligibility?: PlatformEligibilityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegisteredWebhookEndpoint?: RegisteredWebhookEndpointResolvers<ContextType>;
  RemoveWalletBindingResult?: RemoveWalletBindingResultResolvers<ContextType>;
  RotatedWebhookSecret?: RotatedWebhookSecretResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
  WalletAccount?: WalletAccountResolvers<ContextType>;
  WalletBinding?: WalletBindingResolvers<ContextType>;
  WalletRepayAt?: WalletRepayAtResolvers<ContextType>;
  WalletRepaymentResult?: WalletRepaymentResultResolvers<ContextType>;
  WebhookAttempt?: WebhookAttemptResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointConnection?: WebhookEndpointConnectionResolvers<ContextType>;
  WebhookEndpointEdge?: WebhookEndpointEdgeResolvers<ContextType>;
};

