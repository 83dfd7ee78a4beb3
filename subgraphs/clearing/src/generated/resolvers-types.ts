import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CardRepresentation } from '../domain/card-representation';
import { TransactionEntity } from '../db/entities/transaction.entity';
import { LimitStatusModel, PlatformModel, LocalizedTextModel } from '@cardweave/subgraph-kit';
import { ClearingContext } from '../context';
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
  holderLimits: Array<LimitStatus>;
  /** The card's id. */
  id: Scalars['ID']['output'];
  issuerLimit: LimitStatus;
  /** The clearing network's limits on this card, with what is used and what remains. */
  networkLimits: Array<LimitStatus>;
  /** Transactions routed for this card, newest first; with a filter, only those that match it. */
  transactions: TransactionConnection;
  /**
   * Every bound a payment meets after it leaves the wallet, in route order: the issuer's
   * credit and the card holder's own limits, then the network's limits. The wallet subgraph
   * adds its own to get payableNow.
   */
  upstreamLimits: Array<LimitStatus>;
};


export type CardTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TransactionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A merchant as the clearing network records it. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type Merchant = {
  __typename?: 'Merchant';
  /** ISO 18245 merchant category code. */
  categoryCode: Scalars['String']['output'];
  /** The merchant's name. */
  name: Scalars['String']['output'];
};

/** Relay-style page information for cursor pagination. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A way to pay with a wallet on a device. */
export type PaymentMethod =
  /** Tapping the phone on the terminal (NFC). */
  | 'NFC'
  /** Scanning or showing a QR code (needs the camera). */
  | 'QR'
  /** Paying in a web page. */
  | 'WEB';

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

export type Query = {
  __typename?: 'Query';
  /** A transaction by id. */
  transaction?: Maybe<Transaction>;
};


export type QueryTransactionArgs = {
  id: Scalars['ID']['input'];
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

/** A payment as the clearing network routed it. */
export type Transaction = {
  __typename?: 'Transaction';
  /** The amount of the payment. */
  amountFen: Scalars['Fen']['output'];
  /** The card that paid. */
  card: Card;
  /** When the network routed it. */
  createdAt: Scalars['DateTime']['output'];
  /** The canonical error code, when declined. */
  declineCode?: Maybe<Scalars['String']['output']>;
  /** The transaction's id. */
  id: Scalars['ID']['output'];
  /** The merchant that was paid. */
  merchant: Merchant;
  /** The network that routed it. */
  network: Platform;
  /** Whether the network approved, declined or reversed it. */
  status: TransactionStatus;
  /** The wallet the payment started in. */
  walletPlatform: Platform;
};

/** A page of transactions. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type TransactionConnection = {
  __typename?: 'TransactionConnection';
  /** The transactions on this page, each with its cursor. */
  edges: Array<TransactionEdge>;
  /** Whether more transactions follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** A transaction on a page, with its cursor. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type TransactionEdge = {
  __typename?: 'TransactionEdge';
  /** Pass as `after` to get the transactions after this one. */
  cursor: Scalars['String']['output'];
  /** The transaction. */
  node: Transaction;
};

/**
 * A search of a card's transactions: a transaction matches when it matches every field given
 * (an omitted field matches every transaction). A filter that cannot match as asked (from after
 * to, an instant outside the years 0001 to 9999, a minimum above the maximum, a negative amount,
 * too long a merchant text or one with control characters, an empty status list, an unknown
 * wallet) is refused as BAD_USER_INPUT naming the field (extensions.field, e.g. filter.from).
 */
export type TransactionFilter = {
  /** Routed at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** At most this amount, in whole fen: 0 to 9007199254740991, not below minAmountFen. */
  maxAmountFen?: InputMaybe<Scalars['Fen']['input']>;
  /** Part of the merchant's name, in any case, at most 100 characters; % and _ are matched as themselves. Blank matches every merchant. */
  merchantText?: InputMaybe<Scalars['String']['input']>;
  /** At least this amount, in whole fen: 0 to 9007199254740991. */
  minAmountFen?: InputMaybe<Scalars['Fen']['input']>;
  /** In any of these statuses (at least one). */
  status?: InputMaybe<Array<TransactionStatus>>;
  /** Routed at or before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** Started in this wallet, by platform id (e.g. wechat-pay). */
  walletPlatform?: InputMaybe<Scalars['ID']['input']>;
};

/** What the clearing network did with a payment. */
export type TransactionStatus =
  /** Approved and settled against the credit line. */
  | 'APPROVED'
  /** Declined; declineCode says why. */
  | 'DECLINED'
  /** Routed to the issuer, awaiting its answer. */
  | 'PENDING'
  /** Reversed: approved and then undone, or undone before it completed (no money moved). */
  | 'REVERSED';

/** One value entered for a verification step. */
export type VerificationFieldInput = {
  /** The field's name, as the step lists it (e.g. `smsCode`). */
  name: Scalars['String']['input'];
  /** What was entered. Secret values (codes, passwords, face tokens) are never stored or logged. */
  value: Scalars['String']['input'];
};



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
  Transaction: Transaction;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Card:
    ( { __typename: 'Card' }
    & GraphQLRecursivePick<FederationTypes['Card'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Card'], {"issuerLimit":{"id":true,"ruleId":true,"platform":{"id":true,"role":true,"displayName":{"zhCN":true,"en":true}},"kind":true,"window":true,"scope":true,"limitFen":true,"usedFen":true,"remainingFen":true,"countLimit":true,"usedCount":true,"resetsAt":true,"blockedCode":true,"description":{"zhCN":true,"en":true}},"holderLimits":{"id":true,"ruleId":true,"platform":{"id":true,"role":true,"displayName":{"zhCN":true,"en":true}},"kind":true,"window":true,"scope":true,"limitFen":true,"usedFen":true,"remainingFen":true,"countLimit":true,"usedCount":true,"resetsAt":true,"blockedCode":true,"description":{"zhCN":true,"en":true}}}> ) );
  Transaction:
    ( { __typename: 'Transaction' }
    & GraphQLRecursivePick<FederationTypes['Transaction'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CanonicalError: ResolverTypeWrapper<Omit<CanonicalError, 'message'> & { message: ResolversTypes['LocalizedText'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CanonicalErrorCode: CanonicalErrorCode;
  Card: ResolverTypeWrapper<CardRepresentation>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceInput: DeviceInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DeviceSupport: ResolverTypeWrapper<Omit<DeviceSupport, 'notes'> & { notes: Array<ResolversTypes['LocalizedText']> }>;
  EligibilityAction: EligibilityAction;
  EligibilityReason: ResolverTypeWrapper<Omit<EligibilityReason, 'error'> & { error: ResolversTypes['CanonicalError'] }>;
  EligibilityRule: EligibilityRule;
  ErrorDecision: ErrorDecision;
  Fen: ResolverTypeWrapper<Scalars['Fen']['output']>;
  LimitKind: LimitKind;
  LimitScope: LimitScope;
  LimitStatus: ResolverTypeWrapper<LimitStatusModel>;
  LimitWindow: LimitWindow;
  LocalizedText: ResolverTypeWrapper<LocalizedTextModel>;
  Merchant: ResolverTypeWrapper<Merchant>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentMethod: PaymentMethod;
  Platform: ResolverTypeWrapper<PlatformModel>;
  PlatformEligibility: ResolverTypeWrapper<Omit<PlatformEligibility, 'platform' | 'reasons'> & { platform: ResolversTypes['Platform'], reasons: Array<ResolversTypes['EligibilityReason']> }>;
  PlatformRole: PlatformRole;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Remedy: Remedy;
  Transaction: ResolverTypeWrapper<TransactionEntity>;
  TransactionConnection: ResolverTypeWrapper<Omit<TransactionConnection, 'edges'> & { edges: Array<ResolversTypes['TransactionEdge']> }>;
  TransactionEdge: ResolverTypeWrapper<Omit<TransactionEdge, 'node'> & { node: ResolversTypes['Transaction'] }>;
  TransactionFilter: TransactionFilter;
  TransactionStatus: TransactionStatus;
  VerificationFieldInput: VerificationFieldInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CanonicalError: Omit<CanonicalError, 'message'> & { message: ResolversParentTypes['LocalizedText'] };
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Card: CardRepresentation;
  ID: Scalars['ID']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeviceInput: DeviceInput;
  Boolean: Scalars['Boolean']['output'];
  DeviceSupport: Omit<DeviceSupport, 'notes'> & { notes: Array<ResolversParentTypes['LocalizedText']> };
  EligibilityReason: Omit<EligibilityReason, 'error'> & { error: ResolversParentTypes['CanonicalError'] };
  Fen: Scalars['Fen']['output'];
  LimitStatus: LimitStatusModel;
  LocalizedText: LocalizedTextModel;
  Merchant: Merchant;
  PageInfo: PageInfo;
  Platform: PlatformModel;
  PlatformEligibility: Omit<PlatformEligibility, 'platform' | 'reasons'> & { platform: ResolversParentTypes['Platform'], reasons: Array<ResolversParentTypes['EligibilityReason']> };
  Query: Record<PropertyKey, never>;
  Transaction: TransactionEntity;
  TransactionConnection: Omit<TransactionConnection, 'edges'> & { edges: Array<ResolversParentTypes['TransactionEdge']> };
  TransactionEdge: Omit<TransactionEdge, 'node'> & { node: ResolversParentTypes['Transaction'] };
  TransactionFilter: TransactionFilter;
  VerificationFieldInput: VerificationFieldInput;
};

export type CanonicalErrorResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['CanonicalError'] = ResolversParentTypes['CanonicalError']> = {
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

export type CardResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['Card'] = ResolversParentTypes['Card'], FederationReferenceType extends FederationReferenceTypes['Card'] = FederationReferenceTypes['Card']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Card']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  networkLimits?: Resolver<Array<ResolversTypes['LimitStatus']>, ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['TransactionConnection'], ParentType, ContextType, RequireFields<CardTransactionsArgs, 'first'>>;
  upstreamLimits?: Resolver<Array<ResolversTypes['LimitStatus']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeviceSupportResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['DeviceSupport'] = ResolversParentTypes['DeviceSupport']> = {
  nfc?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nfcMinVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  os?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qr?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  web?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type EligibilityReasonResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['EligibilityReason'] = ResolversParentTypes['EligibilityReason']> = {
  error?: Resolver<ResolversTypes['CanonicalError'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['EligibilityRule'], ParentType, ContextType>;
};

export interface FenScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Fen'], any> {
  name: 'Fen';
}

export type LimitStatusResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['LimitStatus'] = ResolversParentTypes['LimitStatus']> = {
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

export type LocalizedTextResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['LocalizedText'] = ResolversParentTypes['LocalizedText']> = {
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zhCN?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MerchantResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['Merchant'] = ResolversParentTypes['Merchant']> = {
  categoryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlatformResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['Platform'] = ResolversParentTypes['Platform']> = {
  devices?: Resolver<Array<ResolversTypes['DeviceSupport']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['PlatformRole'], ParentType, ContextType>;
};

export type PlatformEligibilityResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['PlatformEligibility'] = ResolversParentTypes['PlatformEligibility']> = {
  action?: Resolver<ResolversTypes['EligibilityAction'], ParentType, ContextType>;
  age?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eligible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paymentMethods?: Resolver<Maybe<Array<ResolversTypes['PaymentMethod']>>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['EligibilityReason']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType, RequireFields<QueryTransactionArgs, 'id'>>;
};

export type TransactionResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction'], FederationReferenceType extends FederationReferenceTypes['Transaction'] = FederationReferenceTypes['Transaction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Transaction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  card?: Resolver<ResolversTypes['Card'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  declineCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merchant?: Resolver<ResolversTypes['Merchant'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TransactionStatus'], ParentType, ContextType>;
  walletPlatform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
};

export type TransactionConnectionResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['TransactionConnection'] = ResolversParentTypes['TransactionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TransactionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TransactionEdgeResolvers<ContextType = ClearingContext, ParentType extends ResolversParentTypes['TransactionEdge'] = ResolversParentTypes['TransactionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ClearingContext> = {
  CanonicalError?: CanonicalErrorResolvers<ContextType>;
  Card?: CardResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeviceSupport?: DeviceSupportResolvers<ContextType>;
  EligibilityReason?: EligibilityReasonResolvers<ContextType>;
  Fen?: GraphQLScalarType;
  LimitStatus?: LimitStatusResolvers<ContextType>;
  LocalizedText?: LocalizedTextResolvers<ContextType>;
  Merchant?: MerchantResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Platform?: PlatformResolvers<ContextType>;
  PlatformEligibility?: PlatformEligibilityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
  TransactionConnection?: TransactionConnectionResolvers<ContextType>;
  TransactionEdge?: TransactionEdgeResolvers<ContextType>;
};

