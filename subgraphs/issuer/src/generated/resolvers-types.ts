import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CustomerEntity } from '../db/entities/customer.entity';
import { CreditLineEntity } from '../db/entities/credit-line.entity';
import { CardEntity } from '../db/entities/card.entity';
import { BillEntity } from '../db/entities/bill.entity';
import { BillItemEntity } from '../db/entities/bill-item.entity';
import { BillItemConnectionModel } from '../domain/bill-item-connection';
import { OverdueStateModel } from '../domain/overdue';
import { RepaymentChannelModel } from '../domain/repayment-channel';
import { EntityRef } from '../../../shared/src/graphql/entity-ref';
import { LimitStatusModel } from '../../../shared/src/limits/limit-status';
import { PlatformModel, LocalizedTextModel } from '../../../shared/src/graphql/platform';
import { IssuerContext } from '../context';
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
  /** An amount in fen (1 CNY = 100 fen): always a whole number, never a fraction. */
  Fen: { input: bigint; output: bigint; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A statement of one billing cycle of a credit line. */
export type Bill = {
  __typename?: 'Bill';
  /** The last day of the billing cycle. */
  cycleEnd: Scalars['Date']['output'];
  /** The first day of the billing cycle. */
  cycleStart: Scalars['Date']['output'];
  /** The last day to pay without becoming overdue. */
  dueDate: Scalars['Date']['output'];
  /** The bill's id. */
  id: Scalars['ID']['output'];
  /** The bill's items, newest first. */
  items: BillItemConnection;
  /** The least that must be paid by the due date to avoid becoming overdue. */
  minimumDueFen: Scalars['Fen']['output'];
  /** What remains to pay, penalty included. */
  outstandingFen: Scalars['Fen']['output'];
  /** Full days past the due date (0 unless overdue). */
  overdueDays: Scalars['Int']['output'];
  /** Repaid against this bill so far. */
  paidFen: Scalars['Fen']['output'];
  /** Penalty accrued on this bill's overdue principal so far. */
  penaltyAccruedFen: Scalars['Fen']['output'];
  /** The day the bill was issued. */
  statementDate: Scalars['Date']['output'];
  /** Whether the bill is open, paid or overdue. */
  status: BillStatus;
  /** Everything the cycle charged: purchases and penalties. */
  totalDueFen: Scalars['Fen']['output'];
};


/** A statement of one billing cycle of a credit line. */
export type BillItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of bills. */
export type BillConnection = {
  __typename?: 'BillConnection';
  /** The bills on this page, each with its cursor. */
  edges: Array<BillEdge>;
  /** Whether more bills follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** A bill on a page, with its cursor. */
export type BillEdge = {
  __typename?: 'BillEdge';
  /** Pass as `after` to get the bills after this one. */
  cursor: Scalars['String']['output'];
  /** The bill. */
  node: Bill;
};

/** One posting on a bill; a purchase points at the transaction the clearing network recorded. */
export type BillItem = {
  __typename?: 'BillItem';
  /** The amount posted (a repayment is positive too; its kind says which way it goes). */
  amountFen: Scalars['Fen']['output'];
  /** The card the item was charged to. */
  card: Card;
  /** The item's id. */
  id: Scalars['ID']['output'];
  /** Purchase, penalty or repayment. */
  kind: BillItemKind;
  /** When the issuer posted it. */
  postedAt: Scalars['DateTime']['output'];
  /** The clearing network's record of the payment (purchases only). */
  transaction?: Maybe<Transaction>;
};

/** A page of bill items. */
export type BillItemConnection = {
  __typename?: 'BillItemConnection';
  /** The items on this page, each with its cursor. */
  edges: Array<BillItemEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** How many items the bill has in all. */
  totalCount: Scalars['Int']['output'];
};

/** A bill item on a page, with its cursor. */
export type BillItemEdge = {
  __typename?: 'BillItemEdge';
  /** Pass as `after` to get the items after this one. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: BillItem;
};

/** What a bill item is. */
export type BillItemKind =
  /** Overdue penalty posted by the issuer. */
  | 'PENALTY'
  /** A payment made with the card. */
  | 'PURCHASE'
  /** A repayment made at the issuer. */
  | 'REPAYMENT';

/** Where a bill stands. */
export type BillStatus =
  /** Issued and not yet due. */
  | 'OPEN'
  /** Past its due date with less than the minimum paid. */
  | 'OVERDUE'
  /** Paid in full. */
  | 'PAID';

/** A failure in the one canonical language, whatever platform produced it. The platform's own code and words are kept for support staff. */
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

/** A virtual card. The issuer owns it; the wallet and clearing subgraphs add their views of it. */
export type Card = {
  __typename?: 'Card';
  /** The first six digits. */
  bin: Scalars['String']['output'];
  /** The credit line the card draws on. */
  credit: CreditLine;
  /** The latest bill of the card's credit line. */
  currentBill?: Maybe<Bill>;
  /** The customer who holds the card. */
  customer: Customer;
  /** Expiry month, MM/YY. */
  expiry: Scalars['String']['output'];
  /** The card's id. */
  id: Scalars['ID']['output'];
  /** The issuer platform (e.g. JD Finance). */
  issuer: Platform;
  /** The issuer's bound on a payment right now: the credit available, or 0 with a code when the card or account cannot pay. */
  issuerLimit: LimitStatus;
  /** The bank that issues the card on the issuer's behalf (e.g. Bank of Shanghai). */
  issuingBank: LocalizedText;
  /** The last four digits. */
  last4: Scalars['String']['output'];
  /** The number as it may be shown: BIN and last four, the rest masked. The full number is never returned. */
  maskedNumber: Scalars['String']['output'];
  /** Card network, e.g. UNIONPAY. */
  network: Scalars['String']['output'];
  /** Whether the credit line is overdue, shown beside the wallet bindings that do not show it themselves. */
  overdue: OverdueState;
  /** Where the card holder repays: only at the issuer. */
  repayAt: RepaymentChannel;
  /** Whether the card can pay. */
  status: CardStatus;
};

/** Whether a card can pay. */
export type CardStatus =
  /** The card can pay. */
  | 'ACTIVE'
  /** Closed for good. */
  | 'CLOSED'
  /** Frozen by the issuer's risk controls, pending manual review. */
  | 'FROZEN'
  /** Locked, e.g. after too many wrong verification attempts; the holder can unlock it. */
  | 'LOCKED';

/** The customer's credit at the issuer. */
export type CreditLine = {
  __typename?: 'CreditLine';
  /** Credit still available: the limit less what is used, never below zero. */
  availableFen: Scalars['Fen']['output'];
  /** The credit line's id. */
  id: Scalars['ID']['output'];
  /** The issuer platform that granted it. */
  issuer: Platform;
  /** The credit limit. */
  limitFen: Scalars['Fen']['output'];
  /** Credit drawn and not yet repaid. */
  usedFen: Scalars['Fen']['output'];
};

/** The person who holds the credit line and its cards. */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's bills, newest statement first. */
  bills: BillConnection;
  /** Date of birth, from the resident ID number. */
  birthDate: Scalars['Date']['output'];
  /** The customer's virtual cards, newest first. */
  cards: Array<Card>;
  /** The customer's credit line at the issuer, if one was granted. */
  creditLine?: Maybe<CreditLine>;
  /** The customer's id (a UUID). */
  id: Scalars['ID']['output'];
  /** The customer's name as on the ID card. */
  name: Scalars['String']['output'];
  /** Real-name verification level: 1 basic, 2 ID card + bank card, 3 ID card + face recognition. */
  realNameLevel: Scalars['Int']['output'];
  /** Whether the issuer lets the customer use the credit line. */
  status: CustomerStatus;
  /** Which user group of the card program the customer belongs to. */
  userGroup: UserGroup;
};


/** The person who holds the credit line and its cards. */
export type CustomerBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers on this page, each with its cursor. */
  edges: Array<CustomerEdge>;
  /** Whether more customers follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** A customer on a page, with its cursor. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Pass as `after` to get the customers after this one. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Whether the issuer lets the customer use the credit line. */
export type CustomerStatus =
  /** In good standing with the issuer. */
  | 'ACTIVE'
  /** Temporarily frozen by the issuer's risk controls, pending manual review. */
  | 'FROZEN';

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

/** Text in the two languages the graph serves. */
export type LocalizedText = {
  __typename?: 'LocalizedText';
  /** English. */
  en: Scalars['String']['output'];
  /** Simplified Chinese (zh-CN). */
  zhCN: Scalars['String']['output'];
};

/** The overdue state of a credit line. */
export type OverdueState = {
  __typename?: 'OverdueState';
  /** Whether any bill of the credit line is past its due date with less than the minimum paid. */
  isOverdue: Scalars['Boolean']['output'];
  /** Principal past due. */
  overdueAmountFen: Scalars['Fen']['output'];
  /** Full days past the due date of the oldest unpaid bill. */
  overdueDays: Scalars['Int']['output'];
  /** Penalty accrued on overdue principal so far. */
  penaltyAccruedFen: Scalars['Fen']['output'];
  /** How the penalty accrues, e.g. 0.05% per day. */
  penaltyRule: LocalizedText;
};

/** Relay-style page information for cursor pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A platform, as its adapter describes it. */
export type Platform = {
  __typename?: 'Platform';
  /** The platform's name, e.g. 微信支付 / WeChat Pay. */
  displayName: LocalizedText;
  /** The adapter id, e.g. `wechat-pay`. */
  id: Scalars['ID']['output'];
  /** The part the platform plays: issuer, wallet or clearing. */
  role: PlatformRole;
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
  /** A card by id. */
  card?: Maybe<Card>;
  /** A customer by id. */
  customer?: Maybe<Customer>;
  /** Customers in a stable order, for browsing the demo data. */
  customers: CustomerConnection;
};


export type QueryCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Machine-readable next steps that resolve an error. */
export type Remedy =
  | 'CHANGE_PAYMENT_SCENE'
  | 'CONFIRM_IN_APP'
  | 'CONTACT_SUPPORT'
  | 'CORRECT_INPUT'
  | 'NONE'
  | 'QUERY_STATUS'
  | 'RAISE_REAL_NAME_LEVEL'
  | 'REPAY_AT_ISSUER'
  | 'REPAY_OVERDUE_BILL'
  | 'RETRY_LATER'
  | 'REVERIFY_IDENTITY'
  | 'UNLOCK_CARD'
  | 'USE_ANOTHER_CARD'
  | 'WAIT_FOR_NEXT_WINDOW';

/** Where and how a card holder repays. */
export type RepaymentChannel = {
  __typename?: 'RepaymentChannel';
  /** Where in that platform's app to repay, e.g. JD Finance app → Baitiao → Repay. */
  channel: LocalizedText;
  /** The platform that takes repayments (the issuer). */
  platform: Platform;
};

/** A payment as the clearing network recorded it; resolved by the clearing subgraph. */
export type Transaction = {
  __typename?: 'Transaction';
  /** The transaction's id. */
  id: Scalars['ID']['output'];
};

/** The user groups of the card program, each with its own usage pattern. */
export type UserGroup =
  /** Small-business owners, 30 to 50. */
  | 'SMALL_BUSINESS_OWNER'
  /** Students, 16 to 22. */
  | 'STUDENT'
  /** Young professionals, 18 to 35. */
  | 'YOUNG_PROFESSIONAL';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

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
export type FederationTypes = ResolversObject<{
  Bill: Bill;
  Card: Card;
  Customer: Customer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Bill:
    ( { __typename: 'Bill' }
    & GraphQLRecursivePick<FederationTypes['Bill'], {"id":true}> );
  Card:
    ( { __typename: 'Card' }
    & GraphQLRecursivePick<FederationTypes['Card'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Bill: ResolverTypeWrapper<BillEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BillConnection: ResolverTypeWrapper<Omit<BillConnection, 'edges'> & { edges: Array<ResolversTypes['BillEdge']> }>;
  BillEdge: ResolverTypeWrapper<Omit<BillEdge, 'node'> & { node: ResolversTypes['Bill'] }>;
  BillItem: ResolverTypeWrapper<BillItemEntity>;
  BillItemConnection: ResolverTypeWrapper<BillItemConnectionModel>;
  BillItemEdge: ResolverTypeWrapper<Omit<BillItemEdge, 'node'> & { node: ResolversTypes['BillItem'] }>;
  BillItemKind: BillItemKind;
  BillStatus: BillStatus;
  CanonicalError: ResolverTypeWrapper<Omit<CanonicalError, 'message'> & { message: ResolversTypes['LocalizedText'] }>;
  CanonicalErrorCode: CanonicalErrorCode;
  Card: ResolverTypeWrapper<CardEntity>;
  CardStatus: CardStatus;
  CreditLine: ResolverTypeWrapper<CreditLineEntity>;
  Customer: ResolverTypeWrapper<CustomerEntity>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerStatus: CustomerStatus;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ErrorDecision: ErrorDecision;
  Fen: ResolverTypeWrapper<Scalars['Fen']['output']>;
  LimitKind: LimitKind;
  LimitScope: LimitScope;
  LimitStatus: ResolverTypeWrapper<LimitStatusModel>;
  LimitWindow: LimitWindow;
  LocalizedText: ResolverTypeWrapper<LocalizedTextModel>;
  OverdueState: ResolverTypeWrapper<OverdueStateModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Platform: ResolverTypeWrapper<PlatformModel>;
  PlatformRole: PlatformRole;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Remedy: Remedy;
  RepaymentChannel: ResolverTypeWrapper<RepaymentChannelModel>;
  Transaction: ResolverTypeWrapper<EntityRef>;
  UserGroup: UserGroup;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Bill: BillEntity;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  BillConnection: Omit<BillConnection, 'edges'> & { edges: Array<ResolversParentTypes['BillEdge']> };
  BillEdge: Omit<BillEdge, 'node'> & { node: ResolversParentTypes['Bill'] };
  BillItem: BillItemEntity;
  BillItemConnection: BillItemConnectionModel;
  BillItemEdge: Omit<BillItemEdge, 'node'> & { node: ResolversParentTypes['BillItem'] };
  CanonicalError: Omit<CanonicalError, 'message'> & { message: ResolversParentTypes['LocalizedText'] };
  Card: CardEntity;
  CreditLine: CreditLineEntity;
  Customer: CustomerEntity;
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Fen: Scalars['Fen']['output'];
  LimitStatus: LimitStatusModel;
  LocalizedText: LocalizedTextModel;
  OverdueState: OverdueStateModel;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  Platform: PlatformModel;
  Query: Record<PropertyKey, never>;
  RepaymentChannel: RepaymentChannelModel;
  Transaction: EntityRef;
}>;

export type BillResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Bill'] = ResolversParentTypes['Bill'], FederationReferenceType extends FederationReferenceTypes['Bill'] = FederationReferenceTypes['Bill']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Bill']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cycleEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cycleStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['BillItemConnection'], ParentType, ContextType, RequireFields<BillItemsArgs, 'first'>>;
  minimumDueFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  outstandingFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  overdueDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paidFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltyAccruedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  statementDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BillStatus'], ParentType, ContextType>;
  totalDueFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
}>;

export type BillConnectionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillConnection'] = ResolversParentTypes['BillConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type BillEdgeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillEdge'] = ResolversParentTypes['BillEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
}>;

export type BillItemResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillItem'] = ResolversParentTypes['BillItem']> = ResolversObject<{
  amountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  card?: Resolver<ResolversTypes['Card'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BillItemKind'], ParentType, ContextType>;
  postedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
}>;

export type BillItemConnectionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillItemConnection'] = ResolversParentTypes['BillItemConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BillItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type BillItemEdgeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillItemEdge'] = ResolversParentTypes['BillItemEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BillItem'], ParentType, ContextType>;
}>;

export type CanonicalErrorResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CanonicalError'] = ResolversParentTypes['CanonicalError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CanonicalErrorCode'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['ErrorDecision'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  iso8583?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remedy?: Resolver<ResolversTypes['Remedy'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type CardResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Card'] = ResolversParentTypes['Card'], FederationReferenceType extends FederationReferenceTypes['Card'] = FederationReferenceTypes['Card']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Card']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['CreditLine'], ParentType, ContextType>;
  currentBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  expiry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  issuerLimit?: Resolver<ResolversTypes['LimitStatus'], ParentType, ContextType>;
  issuingBank?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maskedNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['OverdueState'], ParentType, ContextType>;
  repayAt?: Resolver<ResolversTypes['RepaymentChannel'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CardStatus'], ParentType, ContextType>;
}>;

export type CreditLineResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CreditLine'] = ResolversParentTypes['CreditLine']> = ResolversObject<{
  availableFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  limitFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  usedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bills?: Resolver<ResolversTypes['BillConnection'], ParentType, ContextType, RequireFields<CustomerBillsArgs, 'first'>>;
  birthDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cards?: Resolver<Array<ResolversTypes['Card']>, ParentType, ContextType>;
  creditLine?: Resolver<Maybe<ResolversTypes['CreditLine']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  realNameLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  userGroup?: Resolver<ResolversTypes['UserGroup'], ParentType, ContextType>;
}>;

export type CustomerConnectionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CustomerEdgeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface FenScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Fen'], any> {
  name: 'Fen';
}

export type LimitStatusResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['LimitStatus'] = ResolversParentTypes['LimitStatus']> = ResolversObject<{
  blockedCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  countLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
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
}>;

export type LocalizedTextResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['LocalizedText'] = ResolversParentTypes['LocalizedText']> = ResolversObject<{
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zhCN?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OverdueStateResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['OverdueState'] = ResolversParentTypes['OverdueState']> = ResolversObject<{
  isOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overdueAmountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  overdueDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  penaltyAccruedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltyRule?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PlatformResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Platform'] = ResolversParentTypes['Platform']> = ResolversObject<{
  displayName?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['PlatformRole'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<QueryCardArgs, 'id'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
}>;

export type RepaymentChannelResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['RepaymentChannel'] = ResolversParentTypes['RepaymentChannel']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
}>;

export type TransactionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = IssuerContext> = ResolversObject<{
  Bill?: BillResolvers<ContextType>;
  BillConnection?: BillConnectionResolvers<ContextType>;
  BillEdge?: BillEdgeResolvers<ContextType>;
  BillItem?: BillItemResolvers<ContextType>;
  BillItemConnection?: BillItemConnectionResolvers<ContextType>;
  BillItemEdge?: BillItemEdgeResolvers<ContextType>;
  CanonicalError?: CanonicalErrorResolvers<ContextType>;
  Card?: CardResolvers<ContextType>;
  CreditLine?: CreditLineResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Fen?: GraphQLScalarType;
  LimitStatus?: LimitStatusResolvers<ContextType>;
  LocalizedText?: LocalizedTextResolvers<ContextType>;
  OverdueState?: OverdueStateResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Platform?: PlatformResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RepaymentChannel?: RepaymentChannelResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
}>;

