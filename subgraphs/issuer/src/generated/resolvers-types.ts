import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CustomerEntity } from '../db/entities/customer.entity';
import { CreditLineEntity } from '../db/entities/credit-line.entity';
import { CardEntity } from '../db/entities/card.entity';
import { BillEntity } from '../db/entities/bill.entity';
import { BillItemEntity } from '../db/entities/bill-item.entity';
import { BillItemConnectionModel } from '../domain/bill-item-connection';
import { BillingCycleModel } from '../domain/billing-cycle';
import { OverdueStateModel } from '../domain/overdue';
import { RepaymentChannelModel } from '../domain/repayment-channel';
import { CardIssuanceRow, IssuanceOutcome } from '../issuance/card-issuance-service';
import { CreditLineApplicationOutcome, CreditDecisionReasonModel } from '../credit/credit-line-application';
import { SmsCodeOutcome } from '../issuance/issuance-sms-code';
import { IssuanceStepModel } from '../issuance/issuance-step';
import { RepayOutcome, RepaymentModel } from '../repayments/repayment-service';
import { BillAllocation } from '../repayments/repayment-allocation';
import { StatementRunModel } from '../statements/statement-job';
import { CustomerStatusOutcome } from '../lifecycle/customer-freeze';
import { CardLockOutcome } from '../cardholder/card-lock';
import { HolderControls } from '../cardholder/cardholder-rules';
import { SpendingControlsOutcome } from '../cardholder/spending-controls';
import { PlatformEligibilityModel, EligibilityReasonModel, CanonicalErrorModel, EntityRef, LimitStatusModel, PlatformModel, LocalizedTextModel } from '@cardweave/subgraph-kit';
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
  /** An amount in fen (1 CNY = 100 fen): always a whole number, never a fraction, from -9007199254740991 to 9007199254740991 (2^53 − 1, the largest whole number a JSON number carries exactly). Sent as a JSON number; read from a JSON number or a string of digits. Each argument states its own narrower range. */
  Fen: { input: bigint; output: bigint; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An application for a credit line. */
export type ApplyForCreditLineInput = {
  /** The customer who applies. */
  customerId: Scalars['ID']['input'];
  /** A key of the client's choosing: a retry with the same key returns the first answer. */
  idempotencyKey: Scalars['String']['input'];
};

/** A statement of one billing cycle of a credit line. */
export type Bill = {
  __typename?: 'Bill';
  /** What the credit line owed when the cycle closed: the previous bill's balance plus this cycle's charges and penalties, less its repayments. */
  balanceFen: Scalars['Fen']['output'];
  /** Purchases posted in the cycle: the bill's principal. */
  chargesFen: Scalars['Fen']['output'];
  /** The last day of the billing cycle. */
  cycleEnd: Scalars['Date']['output'];
  /** The first day of the billing cycle. */
  cycleStart: Scalars['Date']['output'];
  /** The last day to pay without becoming overdue. */
  dueDate: Scalars['Date']['output'];
  /** The bill's id. */
  id: Scalars['ID']['output'];
  /** Everything posted in the cycle (purchases, penalties, repayments), newest first. */
  items: BillItemConnection;
  /** The least that must be repaid by the end of the due date to avoid becoming overdue; once overdue, only repaying in full ends it. */
  minimumDueFen: Scalars['Fen']['output'];
  /** What remains to pay, penalty included. */
  outstandingFen: Scalars['Fen']['output'];
  /** Days past the due date, the current day included (0 unless overdue). */
  overdueDays: Scalars['Int']['output'];
  /** Repaid against this bill so far. */
  paidFen: Scalars['Fen']['output'];
  /** Overdue penalty posted in the cycle (its PENALTY items), on whichever bill was overdue; the penalty on this bill itself is penaltyAccruedFen. */
  penaltiesFen: Scalars['Fen']['output'];
  /** Penalty accrued on this bill's overdue principal so far: one posting per overdue day that has ended (Asia/Shanghai). */
  penaltyAccruedFen: Scalars['Fen']['output'];
  /** The part of paidFen that went to the penalty. */
  penaltyPaidFen: Scalars['Fen']['output'];
  /** Principal still owed on this bill (the base of the daily penalty while overdue). */
  principalOutstandingFen: Scalars['Fen']['output'];
  /** Repayments taken in the cycle (its REPAYMENT items), however they were allocated; what this bill itself received is paidFen. */
  repaymentsFen: Scalars['Fen']['output'];
  /** The day the bill was issued. */
  statementDate: Scalars['Date']['output'];
  /** Whether the bill is open, paid or overdue. */
  status: BillStatus;
  /** What the bill asks in all: its charges (chargesFen) plus the penalty accrued on it (penaltyAccruedFen). */
  totalDueFen: Scalars['Fen']['output'];
};


/** A statement of one billing cycle of a credit line. */
export type BillItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of bills. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type BillConnection = {
  __typename?: 'BillConnection';
  /** The bills on this page, each with its cursor. */
  edges: Array<BillEdge>;
  /** Whether more bills follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** A bill on a page, with its cursor. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
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
  /** The card the item was charged to; a penalty or a repayment, which belong to the credit line, is posted on its first card. */
  card: Card;
  /** The item's id. */
  id: Scalars['ID']['output'];
  /** Purchase, penalty or repayment. */
  kind: BillItemKind;
  /** When the issuer posted it; a daily penalty is dated the last instant of the day it charges (Asia/Shanghai). */
  postedAt: Scalars['DateTime']['output'];
  /** The clearing network's record of the payment (purchases only). */
  transaction?: Maybe<Transaction>;
};

/** A page of bill items. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type BillItemConnection = {
  __typename?: 'BillItemConnection';
  /** The items on this page, each with its cursor. */
  edges: Array<BillItemEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** How many items the bill (or the cycle in progress) has in all. */
  totalCount: Scalars['Int']['output'];
};

/** A bill item on a page, with its cursor. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
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
  /** Past its due date with less than the minimum repaid by then; it stays overdue, its penalty accruing on the principal that remains, until it is repaid in full. */
  | 'OVERDUE'
  /** Paid in full. */
  | 'PAID';

/** The cycle in progress of a credit line, read like a bill: its postings so far and their totals. */
export type BillingCycle = {
  __typename?: 'BillingCycle';
  /** What the credit line owes now: the latest bill's balance plus these charges and penalties, less these repayments. */
  balanceFen: Scalars['Fen']['output'];
  /** Purchases posted so far and not yet billed. */
  chargesFen: Scalars['Fen']['output'];
  /** The last day of the cycle. */
  cycleEnd: Scalars['Date']['output'];
  /** The first day of the cycle. */
  cycleStart: Scalars['Date']['output'];
  /** The day its bill will be due. */
  dueDate: Scalars['Date']['output'];
  /** `<credit line id>/<cycleStart>`: the credit line's cycle that starts that day; once billed, its postings are a Bill's. */
  id: Scalars['ID']['output'];
  /** Everything posted and not yet billed (purchases, penalties, repayments), newest first. */
  items: BillItemConnection;
  /** Overdue penalty posted so far and not yet billed, on whichever bill is overdue. */
  penaltiesFen: Scalars['Fen']['output'];
  /** Repayments taken so far and not yet billed. */
  repaymentsFen: Scalars['Fen']['output'];
  /** The day the cycle will be billed. */
  statementDate: Scalars['Date']['output'];
};


/** The cycle in progress of a credit line, read like a bill: its postings so far and their totals. */
export type BillingCycleItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A virtual card. The issuer owns it; the wallet and clearing subgraphs add their views of it. */
export type Card = {
  __typename?: 'Card';
  /** The bills of the card's credit line, newest statement first. */
  bills: BillConnection;
  /** The first six digits. */
  bin: Scalars['String']['output'];
  /** The credit line the card draws on. */
  credit: CreditLine;
  /** The latest bill of the card's credit line. */
  currentBill?: Maybe<Bill>;
  /** The cycle in progress of the card's credit line: what has been posted since the latest bill, to be billed on its statement date. */
  currentCycle: BillingCycle;
  /** The customer who holds the card. */
  customer: Customer;
  /** Expiry month, MM/YY. */
  expiry: Scalars['String']['output'];
  /** The holder's limits as rules of the `cardholder` platform (`cardholder.per-payment`, `cardholder.daily`, `cardholder.monthly`), with what is used and what remains; only those set. */
  holderLimits: Array<LimitStatus>;
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
  /** The limits and blocked merchant categories the holder set for the card. */
  spendingControls: SpendingControls;
  /** Whether the card can pay. */
  status: CardStatus;
};


/** A virtual card. The issuer owns it; the wallet and clearing subgraphs add their views of it. */
export type CardBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A card's details as printed on it: only ever in the answer to `revealCardDetails`. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CardDetails = {
  __typename?: 'CardDetails';
  /** The full card number. */
  cardNumber: Scalars['String']['output'];
  /** The card verification value (CVV2). */
  cvv2: Scalars['String']['output'];
  /** The expiry as printed, MM/YY. */
  expiry: Scalars['String']['output'];
};

/** What became of a reveal. */
export type CardDetailsRevealResult = {
  __typename?: 'CardDetailsRevealResult';
  /** The card's details, once. */
  details?: Maybe<CardDetails>;
  /** Why not, when it was not. */
  error?: Maybe<CanonicalError>;
  /** Whether the details are shown. */
  ok: Scalars['Boolean']['output'];
};

/** Upgrading a credit line to a virtual card, step by step. */
export type CardIssuance = {
  __typename?: 'CardIssuance';
  /** The card, once issued. */
  card?: Maybe<Card>;
  /** The customer the card is for. */
  customer: Customer;
  /** Verification attempts the issuer's provider refused so far. */
  failedAttempts: Scalars['Int']['output'];
  /** The issuance's id. */
  id: Scalars['ID']['output'];
  /** The step to pass next; null once all have passed. */
  nextStep?: Maybe<IssuanceStep>;
  /** Where the issuance stands. */
  status: CardIssuanceStatus;
  /** The issuer's verification steps, in order, each with whether it has passed. */
  steps: Array<IssuanceStep>;
};

/** The answer to an issuance step: the issuance as it now stands, or why not. */
export type CardIssuanceResult = {
  __typename?: 'CardIssuanceResult';
  /** The issuer's eligibility check, when the issuance was started. */
  eligibility?: Maybe<PlatformEligibility>;
  /** Why not, in the canonical language, when ok is false. */
  error?: Maybe<CanonicalError>;
  /** The input fields at fault, when the input was refused before any platform call. */
  fieldErrors: Array<CanonicalError>;
  /** The issuance, when there is one. */
  issuance?: Maybe<CardIssuance>;
  /** Whether the step succeeded. */
  ok: Scalars['Boolean']['output'];
};

/** Where an issuance stands. */
export type CardIssuanceStatus =
  /** The card is issued. */
  | 'ISSUED'
  /** Every step passed; the card can be issued. */
  | 'VERIFIED'
  /** Steps remain to pass. */
  | 'VERIFYING';

/** The answer to locking or unlocking a card. */
export type CardLockResult = {
  __typename?: 'CardLockResult';
  /** The card as it now stands. */
  card?: Maybe<Card>;
  /** Whether this request changed the card (false when it already was as asked). */
  changed: Scalars['Boolean']['output'];
  /** Why not, in the canonical language, when ok is false. */
  error?: Maybe<CanonicalError>;
  /** Whether the card is now as asked. */
  ok: Scalars['Boolean']['output'];
};

/** What became of the payment-password step. */
export type CardRevealStartResult = {
  __typename?: 'CardRevealStartResult';
  /** Why not, when it was not. */
  error?: Maybe<CanonicalError>;
  /** When the token stops working. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The fields at fault, each with its own canonical error. */
  fieldErrors: Array<CanonicalError>;
  /** Whether the password passed and a token was issued. */
  ok: Scalars['Boolean']['output'];
  /** Single-use, for `revealCardDetails` within 60 seconds. */
  revealToken?: Maybe<Scalars['String']['output']>;
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

/** The factors of a credit decision. */
export type CreditDecisionFactor =
  /** The share of the base line kept at the customer's age. */
  | 'AGE_BAND'
  /** The line the issuer starts from for the customer's user group. */
  | 'BASE_LINE'
  /** The line came out below the smallest the issuer grants. */
  | 'BELOW_MINIMUM_LINE'
  /** An eligibility rule of the issuer failed (see rule and error). */
  | 'ELIGIBILITY'
  /** The issuer's largest credit line capped the line. */
  | 'MAX_CREDIT_LINE'
  /** The issuer grants no line at the customer's age. */
  | 'NO_AGE_BAND'
  /** The issuer grants no line to the customer's user group. */
  | 'NO_POLICY_FOR_GROUP';

/** One factor of a credit decision. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CreditDecisionReason = {
  __typename?: 'CreditDecisionReason';
  /** The amount the factor set: the base line, the line after the age band or the ceiling, or the minimum a declined line fell short of. */
  amountFen?: Maybe<Scalars['Fen']['output']>;
  /** Why the application was declined, in the canonical language (declines only). */
  error?: Maybe<CanonicalError>;
  /** Which factor. */
  factor: CreditDecisionFactor;
  /** The factor in words. */
  message: LocalizedText;
  /** The share of the base line the age band keeps (factor AGE_BAND only). */
  percent?: Maybe<Scalars['Int']['output']>;
  /** The eligibility rule that failed (factor ELIGIBILITY only). */
  rule?: Maybe<EligibilityRule>;
};

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

/** The answer to an application for a credit line. */
export type CreditLineApplicationResult = {
  __typename?: 'CreditLineApplicationResult';
  /** The customer's credit line: the one granted, or the one the customer already has. */
  creditLine?: Maybe<CreditLine>;
  /** The issuer's decision with its reasons; null when the application was refused before it was assessed. */
  decision?: Maybe<CreditLineDecision>;
  /** The issuer's eligibility check, when it was made. */
  eligibility?: Maybe<PlatformEligibility>;
  /** Why not, in the canonical language, when ok is false (the first reason of a decline). */
  error?: Maybe<CanonicalError>;
  /** The input fields at fault, when the input was refused before anything was assessed. */
  fieldErrors: Array<CanonicalError>;
  /** Whether a credit line was granted. */
  ok: Scalars['Boolean']['output'];
};

/** The issuer's decision on an application for a credit line. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CreditLineDecision = {
  __typename?: 'CreditLineDecision';
  /** Whether the line was granted. */
  approved: Scalars['Boolean']['output'];
  /** When the issuer decided. */
  decidedAt: Scalars['DateTime']['output'];
  /** The line granted; 0 when declined. */
  limitFen: Scalars['Fen']['output'];
  /** Every factor that sized the line (approved) or every reason it was declined, in the order the issuer applied them. */
  reasons: Array<CreditDecisionReason>;
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
  /** The freeze in force, with its reason; null when the customer is not frozen. */
  freeze?: Maybe<CustomerFreeze>;
  /** Whether any bill of the customer's credit line is overdue. */
  hasOverdueDebt: Scalars['Boolean']['output'];
  /** The customer's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Whether the issuer has frozen the customer (see `freeze` for why). */
  isFrozen: Scalars['Boolean']['output'];
  /** Whether the customer may get the virtual card at the issuer, and every reason why not. */
  issuerEligibility: PlatformEligibility;
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

/** A page of customers. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers on this page, each with its cursor. */
  edges: Array<CustomerEdge>;
  /** Whether more customers follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** A customer on a page, with its cursor. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Pass as `after` to get the customers after this one. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Why and since when the issuer froze a customer. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type CustomerFreeze = {
  __typename?: 'CustomerFreeze';
  /** The reason the operator gave. */
  reason: Scalars['String']['output'];
  /** When the freeze began. */
  since: Scalars['DateTime']['output'];
};

/** Whether the issuer lets the customer use the credit line. */
export type CustomerStatus =
  /** In good standing with the issuer. */
  | 'ACTIVE'
  /** Temporarily frozen by the issuer's risk controls, pending manual review. */
  | 'FROZEN';

/** A freeze or its release. */
export type CustomerStatusInput = {
  /** The customer. */
  customerId: Scalars['ID']['input'];
  /** A key of the client's choosing: a retry with the same key returns the first answer. */
  idempotencyKey: Scalars['String']['input'];
  /** Why, for the manual review record (1 to 500 characters). */
  reason: Scalars['String']['input'];
};

/** The answer to a freeze or its release. */
export type CustomerStatusResult = {
  __typename?: 'CustomerStatusResult';
  /** Whether this request changed the status (false when it already was as asked). */
  changed: Scalars['Boolean']['output'];
  /** The customer as it now stands. */
  customer?: Maybe<Customer>;
  /** Why not, in the canonical language, when ok is false. */
  error?: Maybe<CanonicalError>;
  /** Whether it was done. */
  ok: Scalars['Boolean']['output'];
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

/** One verification step of the issuer. */
export type IssuanceStep = {
  __typename?: 'IssuanceStep';
  /** The fields to enter. */
  fields: Array<VerificationField>;
  /** The step's id, e.g. `face`. */
  id: Scalars['ID']['output'];
  /** What kind of check it is, e.g. FACE_RECOGNITION, SMS_CODE, PAYMENT_PASSWORD. */
  kind: Scalars['String']['output'];
  /** The step's name. */
  label: LocalizedText;
  /** Whether the step has passed. */
  passed: Scalars['Boolean']['output'];
};

/** Which verified issuance to issue the card for. */
export type IssueCardInput = {
  /** A key of the client's choosing: a retry with the same key returns the first answer. */
  idempotencyKey: Scalars['String']['input'];
  /** The issuance. */
  issuanceId: Scalars['ID']['input'];
};

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

/** Groups of ISO 18245 merchant category codes a holder can block; a payment's merchantCategoryCode falls in at most one. */
export type MerchantCategoryGroup =
  /** Digital goods, games and apps: 5815–5818. */
  | 'DIGITAL_GOODS'
  /** Restaurants, fast food and bars: 5811–5814. */
  | 'DINING'
  /** Fuel stations: 5541–5542, 5983. */
  | 'FUEL'
  /** Betting, lotteries and casinos: 7800–7802, 7995. */
  | 'GAMBLING'
  /** Supermarkets and grocery stores: 5411, 5422, 5441, 5451, 5462, 5499. */
  | 'GROCERY'
  /** Transfers and cash-like purchases: 4829, 6010–6012, 6050–6051, 6211, 6540. */
  | 'QUASI_CASH'
  /** Airlines, hotels, car rental and travel agencies: 3000–3999, 4511, 4722, 7011, 7512. */
  | 'TRAVEL';

export type Mutation = {
  __typename?: 'Mutation';
  /** Applies for the customer's credit line at the issuer (Baitiao activation): the issuer's eligibility rules, then its credit assessment from the customer's facts (the issuer adapter's policy). Approved, the line is granted at once and can be upgraded to a virtual card with startCardIssuance; declined, every reason is given. One credit line per customer. */
  applyForCreditLine: CreditLineApplicationResult;
  /** For operators: freezes a customer pending manual review (the issuer's risk response). Every payment is then declined with ACCOUNT_FROZEN. */
  freezeCustomer: CustomerStatusResult;
  /** Issues the virtual card once every step has passed. The number is generated in the issuer's BIN range and is only ever shown masked. */
  issueCard: CardIssuanceResult;
  /** Locks the card: every payment is declined with CARD_LOCKED (remedy UNLOCK_CARD) until the holder unlocks it. Locking a locked card changes nothing; a frozen or closed card cannot be locked (CARD_NOT_ACTIVE). */
  lockCard: CardLockResult;
  /** Repays at the issuer, the only place to repay: the oldest bill first, in the issuer's order (penalty, then principal, by default). Repaid principal is credit available at once. */
  repay: RepaymentResult;
  /**
   * The card's full number, expiry and CVV2, for a reveal token from `startCardReveal`: once,
   * within 60 seconds; a used, expired or unknown token is INVALID_TOKEN (REVERIFY_IDENTITY).
   * The answer is sent with `Cache-Control: no-store` and never logged. The customer only.
   */
  revealCardDetails: CardDetailsRevealResult;
  /** For operators: closes every finished cycle into a bill and posts the overdue penalty of every overdue day that has ended (Asia/Shanghai), up to an instant (now by default). Running it again changes nothing. */
  runStatements: StatementRunResult;
  /** Has the issuer text the code of an issuance's SMS step to the phone number it holds, or a new code in place of the last one. The code is never returned. The issuer adapter sets the limits (JD Finance: one code a minute, five per issuance, each valid five minutes and locked after five wrong tries). */
  sendIssuanceSmsCode: SmsCodeSendResult;
  /** Sets the holder's own limits on the card, replacing those set before: a null or absent field clears that control. Enforced on every payment like the platforms' limits and shown in payableNow as `cardholder.*` rules. */
  setSpendingControls: SpendingControlsResult;
  /** Starts upgrading the customer's credit line to a virtual card: checks eligibility at the issuer and returns the verification steps to pass, in order. */
  startCardIssuance: CardIssuanceResult;
  /**
   * The card holder's payment password, checked by the issuer: on success, a reveal token for
   * `revealCardDetails`, single-use and valid 60 seconds. At most 3 per card and hour (then
   * FREQUENCY_LIMITED with WAIT_FOR_NEXT_WINDOW); each is recorded with who asked, when and
   * from which request. The customer only.
   */
  startCardReveal: CardRevealStartResult;
  /** For operators: lifts a freeze after manual review. */
  unfreezeCustomer: CustomerStatusResult;
  /** Unlocks a card the holder locked. Unlocking an active card changes nothing; a card the issuer froze, or whose customer it froze, stays as it is (ACCOUNT_FROZEN). */
  unlockCard: CardLockResult;
  /** Passes the next verification step of an issuance (face recognition, SMS code, payment password, …) with the issuer's verification provider. */
  verifyCardIssuanceStep: CardIssuanceResult;
};


export type MutationApplyForCreditLineArgs = {
  input: ApplyForCreditLineInput;
};


export type MutationFreezeCustomerArgs = {
  input: CustomerStatusInput;
};


export type MutationIssueCardArgs = {
  input: IssueCardInput;
};


export type MutationLockCardArgs = {
  cardId: Scalars['ID']['input'];
};


export type MutationRepayArgs = {
  input: RepayInput;
};


export type MutationRevealCardDetailsArgs = {
  input: RevealCardDetailsInput;
};


export type MutationRunStatementsArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationSendIssuanceSmsCodeArgs = {
  input: SendIssuanceSmsCodeInput;
};


export type MutationSetSpendingControlsArgs = {
  cardId: Scalars['ID']['input'];
  input: SpendingControlsInput;
};


export type MutationStartCardIssuanceArgs = {
  input: StartCardIssuanceInput;
};


export type MutationStartCardRevealArgs = {
  input: StartCardRevealInput;
};


export type MutationUnfreezeCustomerArgs = {
  input: CustomerStatusInput;
};


export type MutationUnlockCardArgs = {
  cardId: Scalars['ID']['input'];
};


export type MutationVerifyCardIssuanceStepArgs = {
  input: VerifyCardIssuanceStepInput;
};

/** The overdue state of a credit line. */
export type OverdueState = {
  __typename?: 'OverdueState';
  /** The credit line's id: every card of the line shares its overdue state. */
  id: Scalars['ID']['output'];
  /** Whether any bill of the credit line is overdue: past its due date with less than the minimum repaid by then, and not yet repaid in full. */
  isOverdue: Scalars['Boolean']['output'];
  /** Principal past due. */
  overdueAmountFen: Scalars['Fen']['output'];
  /** Days past the due date of the oldest overdue bill, the current day included (the day after the due date is day 1). */
  overdueDays: Scalars['Int']['output'];
  /** Penalty accrued on overdue principal so far: one posting per overdue day that has ended (Asia/Shanghai), so one day fewer than overdueDays. */
  penaltyAccruedFen: Scalars['Fen']['output'];
  /** How the penalty accrues, e.g. 0.05% per day. */
  penaltyRule: LocalizedText;
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
  /** A card by id. */
  card?: Maybe<Card>;
  /** A card issuance by id (its steps and where it stands). */
  cardIssuance?: Maybe<CardIssuance>;
  /** A customer by id. */
  customer?: Maybe<Customer>;
  /** Customers in a stable order, for browsing the demo data. */
  customers: CustomerConnection;
};


export type QueryCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCardIssuanceArgs = {
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

/** A repayment at the issuer. */
export type RepayInput = {
  /** How much, in whole fen: 1 or more (at most 9007199254740991, the largest Fen), and at most what the bills owe. */
  amountFen: Scalars['Fen']['input'];
  /** The customer who repays. */
  customerId: Scalars['ID']['input'];
  /** A key of the client's choosing: a retry with the same key returns the first answer and moves no money. */
  idempotencyKey: Scalars['String']['input'];
};

/** A repayment taken at the issuer. */
export type Repayment = {
  __typename?: 'Repayment';
  /** How it was split over bills, oldest first. */
  allocations: Array<RepaymentAllocation>;
  /** The amount repaid. */
  amountFen: Scalars['Fen']['output'];
  /** The repayment's id. */
  id: Scalars['ID']['output'];
  /** When it was taken. */
  repaidAt: Scalars['DateTime']['output'];
};

/** The part of a repayment that went to one bill. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type RepaymentAllocation = {
  __typename?: 'RepaymentAllocation';
  /** The bill. */
  bill: Bill;
  /** To the bill's penalty. */
  penaltyFen: Scalars['Fen']['output'];
  /** To the bill's principal (credit available again). */
  principalFen: Scalars['Fen']['output'];
};

/** Where and how a card holder repays. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type RepaymentChannel = {
  __typename?: 'RepaymentChannel';
  /** Where in that platform's app to repay, e.g. JD Finance app → Baitiao → Repay. */
  channel: LocalizedText;
  /** The platform that takes repayments (the issuer). */
  platform: Platform;
};

/** The answer to a repayment. */
export type RepaymentResult = {
  __typename?: 'RepaymentResult';
  /** The credit line as it stands after the repayment. */
  creditLine?: Maybe<CreditLine>;
  /** Why not, in the canonical language, when ok is false. */
  error?: Maybe<CanonicalError>;
  /** Whether the repayment was taken. */
  ok: Scalars['Boolean']['output'];
  /** The repayment, when taken. */
  repayment?: Maybe<Repayment>;
};

/** A reveal token to redeem for the card's details. */
export type RevealCardDetailsInput = {
  /** The card the token was issued for. */
  cardId: Scalars['ID']['input'];
  /** The token `startCardReveal` returned. */
  revealToken: Scalars['String']['input'];
};

/** Which issuance to send the SMS code for. */
export type SendIssuanceSmsCodeInput = {
  /** A key of the client's choosing: a retry with the same key returns the first answer and sends nothing again. */
  idempotencyKey: Scalars['String']['input'];
  /** The issuance, whose next step is the SMS code. */
  issuanceId: Scalars['ID']['input'];
};

/** The answer to a request for an issuance's SMS code. The code itself is never in it. */
export type SmsCodeSendResult = {
  __typename?: 'SmsCodeSendResult';
  /** Why not, in the canonical language, when ok is false (e.g. FREQUENCY_LIMITED with retryAfterSeconds). */
  error?: Maybe<CanonicalError>;
  /** When the last code sent stops being valid. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The issuance. */
  issuance?: Maybe<CardIssuance>;
  /** The earliest time the next code may be asked for; null when no more may be sent (or none was sent yet). */
  nextSendAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether a code was sent. */
  ok: Scalars['Boolean']['output'];
  /** How many more codes may be sent for this issuance. */
  sendsLeft: Scalars['Int']['output'];
};

/** The limits and blocked merchant categories the holder set for a card; null where not set. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type SpendingControls = {
  __typename?: 'SpendingControls';
  /** Merchant category groups the card may not pay at (declined with TRANSACTION_NOT_PERMITTED). */
  blockedMerchantCategories: Array<MerchantCategoryGroup>;
  /** The most the card may spend in a calendar day (Asia/Shanghai). */
  dailyFen?: Maybe<Scalars['Fen']['output']>;
  /** The most the card may spend in a calendar month (Asia/Shanghai). */
  monthlyFen?: Maybe<Scalars['Fen']['output']>;
  /** The most one payment may take. */
  perPaymentFen?: Maybe<Scalars['Fen']['output']>;
};

/** The holder's controls for a card. Amounts are whole fen from 1 to 9007199254740991 (the largest Fen), with per payment ≤ daily ≤ monthly where set; null or absent clears a control. */
export type SpendingControlsInput = {
  /** Merchant category groups to block; null or empty blocks none. */
  blockedMerchantCategories?: InputMaybe<Array<MerchantCategoryGroup>>;
  /** The most the card may spend in a calendar day (Asia/Shanghai). */
  dailyFen?: InputMaybe<Scalars['Fen']['input']>;
  /** The most the card may spend in a calendar month (Asia/Shanghai). */
  monthlyFen?: InputMaybe<Scalars['Fen']['input']>;
  /** The most one payment may take. */
  perPaymentFen?: InputMaybe<Scalars['Fen']['input']>;
};

/** The answer to setting a card's spending controls. */
export type SpendingControlsResult = {
  __typename?: 'SpendingControlsResult';
  /** The card, with its controls as they now stand. */
  card?: Maybe<Card>;
  /** Whether the controls were set. */
  ok: Scalars['Boolean']['output'];
};

/** Which customer to start a card issuance for. */
export type StartCardIssuanceInput = {
  /** The customer whose credit line becomes a card. */
  customerId: Scalars['ID']['input'];
  /** A key of the client's choosing: a retry with the same key returns the first answer. */
  idempotencyKey: Scalars['String']['input'];
};

/** The payment-password step before a card's details are shown. */
export type StartCardRevealInput = {
  /** The card to show. */
  cardId: Scalars['ID']['input'];
  /** The holder's payment password (six digits); never stored or logged. */
  paymentPassword: Scalars['String']['input'];
};

/** What a statement run did. */
export type StatementRunResult = {
  __typename?: 'StatementRunResult';
  /** The instant the run was for. */
  asOf: Scalars['DateTime']['output'];
  /** Bills created by this run (0 when run again). */
  billsCreated: Scalars['Int']['output'];
  /** The business day (Asia/Shanghai) it closed up to. */
  businessDate: Scalars['Date']['output'];
  /** Credit lines looked at. */
  creditLines: Scalars['Int']['output'];
  /** The penalty those postings add up to. */
  penaltyFen: Scalars['Fen']['output'];
  /** Daily penalty postings made by this run (0 when run again). */
  penaltyPostings: Scalars['Int']['output'];
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

/** A field a verification step asks for. A value of its parent, without an id of its own: a client cache keeps it inside the object that holds it. */
export type VerificationField = {
  __typename?: 'VerificationField';
  /** What the field holds, e.g. SMS_CODE; it decides how the value is checked. */
  kind: Scalars['String']['output'];
  /** The field's label. */
  label: LocalizedText;
  /** The field's name, to send back in VerificationFieldInput. */
  name: Scalars['String']['output'];
  /** Whether the value is secret (never stored, never shown again). */
  secret: Scalars['Boolean']['output'];
};

/** One value entered for a verification step. */
export type VerificationFieldInput = {
  /** The field's name, as the step lists it (e.g. `smsCode`). */
  name: Scalars['String']['input'];
  /** What was entered. Secret values (codes, passwords, face tokens) are never stored or logged. */
  value: Scalars['String']['input'];
};

/** One verification step of an issuance. */
export type VerifyCardIssuanceStepInput = {
  /** The values of the step's fields. */
  fields: Array<VerificationFieldInput>;
  /** A key of the client's choosing: a retry with the same key returns the first answer. */
  idempotencyKey: Scalars['String']['input'];
  /** The issuance. */
  issuanceId: Scalars['ID']['input'];
  /** The step's id, e.g. `face`; steps go in the order the issuance lists them. */
  stepId: Scalars['ID']['input'];
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
  Bill: Bill;
  Card: Card;
  Customer: Customer;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Bill:
    ( { __typename: 'Bill' }
    & GraphQLRecursivePick<FederationTypes['Bill'], {"id":true}> );
  Card:
    ( { __typename: 'Card' }
    & GraphQLRecursivePick<FederationTypes['Card'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApplyForCreditLineInput: ApplyForCreditLineInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Bill: ResolverTypeWrapper<BillEntity>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BillConnection: ResolverTypeWrapper<Omit<BillConnection, 'edges'> & { edges: Array<ResolversTypes['BillEdge']> }>;
  BillEdge: ResolverTypeWrapper<Omit<BillEdge, 'node'> & { node: ResolversTypes['Bill'] }>;
  BillItem: ResolverTypeWrapper<BillItemEntity>;
  BillItemConnection: ResolverTypeWrapper<BillItemConnectionModel>;
  BillItemEdge: ResolverTypeWrapper<Omit<BillItemEdge, 'node'> & { node: ResolversTypes['BillItem'] }>;
  BillItemKind: BillItemKind;
  BillStatus: BillStatus;
  BillingCycle: ResolverTypeWrapper<BillingCycleModel>;
  CanonicalError: ResolverTypeWrapper<CanonicalErrorModel>;
  CanonicalErrorCode: CanonicalErrorCode;
  Card: ResolverTypeWrapper<CardEntity>;
  CardDetails: ResolverTypeWrapper<CardDetails>;
  CardDetailsRevealResult: ResolverTypeWrapper<Omit<CardDetailsRevealResult, 'error'> & { error?: Maybe<ResolversTypes['CanonicalError']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CardIssuance: ResolverTypeWrapper<CardIssuanceRow>;
  CardIssuanceResult: ResolverTypeWrapper<IssuanceOutcome>;
  CardIssuanceStatus: CardIssuanceStatus;
  CardLockResult: ResolverTypeWrapper<CardLockOutcome>;
  CardRevealStartResult: ResolverTypeWrapper<Omit<CardRevealStartResult, 'error' | 'fieldErrors'> & { error?: Maybe<ResolversTypes['CanonicalError']>, fieldErrors: Array<ResolversTypes['CanonicalError']> }>;
  CardStatus: CardStatus;
  CreditDecisionFactor: CreditDecisionFactor;
  CreditDecisionReason: ResolverTypeWrapper<CreditDecisionReasonModel>;
  CreditLine: ResolverTypeWrapper<CreditLineEntity>;
  CreditLineApplicationResult: ResolverTypeWrapper<CreditLineApplicationOutcome>;
  CreditLineDecision: ResolverTypeWrapper<Omit<CreditLineDecision, 'reasons'> & { reasons: Array<ResolversTypes['CreditDecisionReason']> }>;
  Customer: ResolverTypeWrapper<CustomerEntity>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerFreeze: ResolverTypeWrapper<CustomerFreeze>;
  CustomerStatus: CustomerStatus;
  CustomerStatusInput: CustomerStatusInput;
  CustomerStatusResult: ResolverTypeWrapper<CustomerStatusOutcome>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceInput: DeviceInput;
  DeviceSupport: ResolverTypeWrapper<Omit<DeviceSupport, 'notes'> & { notes: Array<ResolversTypes['LocalizedText']> }>;
  EligibilityAction: EligibilityAction;
  EligibilityReason: ResolverTypeWrapper<EligibilityReasonModel>;
  EligibilityRule: EligibilityRule;
  ErrorDecision: ErrorDecision;
  Fen: ResolverTypeWrapper<Scalars['Fen']['output']>;
  IssuanceStep: ResolverTypeWrapper<IssuanceStepModel>;
  IssueCardInput: IssueCardInput;
  LimitKind: LimitKind;
  LimitScope: LimitScope;
  LimitStatus: ResolverTypeWrapper<LimitStatusModel>;
  LimitWindow: LimitWindow;
  LocalizedText: ResolverTypeWrapper<LocalizedTextModel>;
  MerchantCategoryGroup: MerchantCategoryGroup;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OverdueState: ResolverTypeWrapper<OverdueStateModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentMethod: PaymentMethod;
  Platform: ResolverTypeWrapper<PlatformModel>;
  PlatformEligibility: ResolverTypeWrapper<PlatformEligibilityModel>;
  PlatformRole: PlatformRole;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Remedy: Remedy;
  RepayInput: RepayInput;
  Repayment: ResolverTypeWrapper<RepaymentModel>;
  RepaymentAllocation: ResolverTypeWrapper<BillAllocation>;
  RepaymentChannel: ResolverTypeWrapper<RepaymentChannelModel>;
  RepaymentResult: ResolverTypeWrapper<RepayOutcome>;
  RevealCardDetailsInput: RevealCardDetailsInput;
  SendIssuanceSmsCodeInput: SendIssuanceSmsCodeInput;
  SmsCodeSendResult: ResolverTypeWrapper<SmsCodeOutcome>;
  SpendingControls: ResolverTypeWrapper<HolderControls>;
  SpendingControlsInput: SpendingControlsInput;
  SpendingControlsResult: ResolverTypeWrapper<SpendingControlsOutcome>;
  StartCardIssuanceInput: StartCardIssuanceInput;
  StartCardRevealInput: StartCardRevealInput;
  StatementRunResult: ResolverTypeWrapper<StatementRunModel>;
  Transaction: ResolverTypeWrapper<EntityRef>;
  UserGroup: UserGroup;
  VerificationField: ResolverTypeWrapper<Omit<VerificationField, 'label'> & { label: ResolversTypes['LocalizedText'] }>;
  VerificationFieldInput: VerificationFieldInput;
  VerifyCardIssuanceStepInput: VerifyCardIssuanceStepInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApplyForCreditLineInput: ApplyForCreditLineInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Bill: BillEntity;
  Int: Scalars['Int']['output'];
  BillConnection: Omit<BillConnection, 'edges'> & { edges: Array<ResolversParentTypes['BillEdge']> };
  BillEdge: Omit<BillEdge, 'node'> & { node: ResolversParentTypes['Bill'] };
  BillItem: BillItemEntity;
  BillItemConnection: BillItemConnectionModel;
  BillItemEdge: Omit<BillItemEdge, 'node'> & { node: ResolversParentTypes['BillItem'] };
  BillingCycle: BillingCycleModel;
  CanonicalError: CanonicalErrorModel;
  Card: CardEntity;
  CardDetails: CardDetails;
  CardDetailsRevealResult: Omit<CardDetailsRevealResult, 'error'> & { error?: Maybe<ResolversParentTypes['CanonicalError']> };
  Boolean: Scalars['Boolean']['output'];
  CardIssuance: CardIssuanceRow;
  CardIssuanceResult: IssuanceOutcome;
  CardLockResult: CardLockOutcome;
  CardRevealStartResult: Omit<CardRevealStartResult, 'error' | 'fieldErrors'> & { error?: Maybe<ResolversParentTypes['CanonicalError']>, fieldErrors: Array<ResolversParentTypes['CanonicalError']> };
  CreditDecisionReason: CreditDecisionReasonModel;
  CreditLine: CreditLineEntity;
  CreditLineApplicationResult: CreditLineApplicationOutcome;
  CreditLineDecision: Omit<CreditLineDecision, 'reasons'> & { reasons: Array<ResolversParentTypes['CreditDecisionReason']> };
  Customer: CustomerEntity;
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerFreeze: CustomerFreeze;
  CustomerStatusInput: CustomerStatusInput;
  CustomerStatusResult: CustomerStatusOutcome;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeviceInput: DeviceInput;
  DeviceSupport: Omit<DeviceSupport, 'notes'> & { notes: Array<ResolversParentTypes['LocalizedText']> };
  EligibilityReason: EligibilityReasonModel;
  Fen: Scalars['Fen']['output'];
  IssuanceStep: IssuanceStepModel;
  IssueCardInput: IssueCardInput;
  LimitStatus: LimitStatusModel;
  LocalizedText: LocalizedTextModel;
  Mutation: Record<PropertyKey, never>;
  OverdueState: OverdueStateModel;
  PageInfo: PageInfo;
  Platform: PlatformModel;
  PlatformEligibility: PlatformEligibilityModel;
  Query: Record<PropertyKey, never>;
  RepayInput: RepayInput;
  Repayment: RepaymentModel;
  RepaymentAllocation: BillAllocation;
  RepaymentChannel: RepaymentChannelModel;
  RepaymentResult: RepayOutcome;
  RevealCardDetailsInput: RevealCardDetailsInput;
  SendIssuanceSmsCodeInput: SendIssuanceSmsCodeInput;
  SmsCodeSendResult: SmsCodeOutcome;
  SpendingControls: HolderControls;
  SpendingControlsInput: SpendingControlsInput;
  SpendingControlsResult: SpendingControlsOutcome;
  StartCardIssuanceInput: StartCardIssuanceInput;
  StartCardRevealInput: StartCardRevealInput;
  StatementRunResult: StatementRunModel;
  Transaction: EntityRef;
  VerificationField: Omit<VerificationField, 'label'> & { label: ResolversParentTypes['LocalizedText'] };
  VerificationFieldInput: VerificationFieldInput;
  VerifyCardIssuanceStepInput: VerifyCardIssuanceStepInput;
};

export type BillResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Bill'] = ResolversParentTypes['Bill'], FederationReferenceType extends FederationReferenceTypes['Bill'] = FederationReferenceTypes['Bill']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Bill']> | FederationReferenceType, FederationReferenceType, ContextType>;
  balanceFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  chargesFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  cycleEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cycleStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['BillItemConnection'], ParentType, ContextType, RequireFields<BillItemsArgs, 'first'>>;
  minimumDueFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  outstandingFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  overdueDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paidFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltiesFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltyAccruedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltyPaidFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  principalOutstandingFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  repaymentsFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  statementDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BillStatus'], ParentType, ContextType>;
  totalDueFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
};

export type BillConnectionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillConnection'] = ResolversParentTypes['BillConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BillEdgeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillEdge'] = ResolversParentTypes['BillEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
};

export type BillItemResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillItem'] = ResolversParentTypes['BillItem']> = {
  amountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  card?: Resolver<ResolversTypes['Card'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BillItemKind'], ParentType, ContextType>;
  postedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
};

export type BillItemConnectionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillItemConnection'] = ResolversParentTypes['BillItemConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BillItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillItemEdgeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillItemEdge'] = ResolversParentTypes['BillItemEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BillItem'], ParentType, ContextType>;
};

export type BillingCycleResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['BillingCycle'] = ResolversParentTypes['BillingCycle']> = {
  balanceFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  chargesFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  cycleEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cycleStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['BillItemConnection'], ParentType, ContextType, RequireFields<BillingCycleItemsArgs, 'first'>>;
  penaltiesFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  repaymentsFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  statementDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type CanonicalErrorResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CanonicalError'] = ResolversParentTypes['CanonicalError']> = {
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

export type CardResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Card'] = ResolversParentTypes['Card'], FederationReferenceType extends FederationReferenceTypes['Card'] = FederationReferenceTypes['Card']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Card']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bills?: Resolver<ResolversTypes['BillConnection'], ParentType, ContextType, RequireFields<CardBillsArgs, 'first'>>;
  bin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['CreditLine'], ParentType, ContextType>;
  currentBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType>;
  currentCycle?: Resolver<ResolversTypes['BillingCycle'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  expiry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holderLimits?: Resolver<Array<ResolversTypes['LimitStatus']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  issuerLimit?: Resolver<ResolversTypes['LimitStatus'], ParentType, ContextType>;
  issuingBank?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maskedNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['OverdueState'], ParentType, ContextType>;
  repayAt?: Resolver<ResolversTypes['RepaymentChannel'], ParentType, ContextType>;
  spendingControls?: Resolver<ResolversTypes['SpendingControls'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CardStatus'], ParentType, ContextType>;
};

export type CardDetailsResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CardDetails'] = ResolversParentTypes['CardDetails']> = {
  cardNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cvv2?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CardDetailsRevealResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CardDetailsRevealResult'] = ResolversParentTypes['CardDetailsRevealResult']> = {
  details?: Resolver<Maybe<ResolversTypes['CardDetails']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CardIssuanceResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CardIssuance'] = ResolversParentTypes['CardIssuance']> = {
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  failedAttempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextStep?: Resolver<Maybe<ResolversTypes['IssuanceStep']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CardIssuanceStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['IssuanceStep']>, ParentType, ContextType>;
};

export type CardIssuanceResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CardIssuanceResult'] = ResolversParentTypes['CardIssuanceResult']> = {
  eligibility?: Resolver<Maybe<ResolversTypes['PlatformEligibility']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  fieldErrors?: Resolver<Array<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  issuance?: Resolver<Maybe<ResolversTypes['CardIssuance']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CardLockResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CardLockResult'] = ResolversParentTypes['CardLockResult']> = {
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType>;
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CardRevealStartResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CardRevealStartResult'] = ResolversParentTypes['CardRevealStartResult']> = {
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fieldErrors?: Resolver<Array<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revealToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreditDecisionReasonResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CreditDecisionReason'] = ResolversParentTypes['CreditDecisionReason']> = {
  amountFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  factor?: Resolver<ResolversTypes['CreditDecisionFactor'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  percent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rule?: Resolver<Maybe<ResolversTypes['EligibilityRule']>, ParentType, ContextType>;
};

export type CreditLineResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CreditLine'] = ResolversParentTypes['CreditLine']> = {
  availableFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  limitFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  usedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
};

export type CreditLineApplicationResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CreditLineApplicationResult'] = ResolversParentTypes['CreditLineApplicationResult']> = {
  creditLine?: Resolver<Maybe<ResolversTypes['CreditLine']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['CreditLineDecision']>, ParentType, ContextType>;
  eligibility?: Resolver<Maybe<ResolversTypes['PlatformEligibility']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  fieldErrors?: Resolver<Array<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CreditLineDecisionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CreditLineDecision'] = ResolversParentTypes['CreditLineDecision']> = {
  approved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  limitFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['CreditDecisionReason']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bills?: Resolver<ResolversTypes['BillConnection'], ParentType, ContextType, RequireFields<CustomerBillsArgs, 'first'>>;
  birthDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cards?: Resolver<Array<ResolversTypes['Card']>, ParentType, ContextType>;
  creditLine?: Resolver<Maybe<ResolversTypes['CreditLine']>, ParentType, ContextType>;
  freeze?: Resolver<Maybe<ResolversTypes['CustomerFreeze']>, ParentType, ContextType>;
  hasOverdueDebt?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isFrozen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  issuerEligibility?: Resolver<ResolversTypes['PlatformEligibility'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  realNameLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  userGroup?: Resolver<ResolversTypes['UserGroup'], ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export type CustomerFreezeResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CustomerFreeze'] = ResolversParentTypes['CustomerFreeze']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CustomerStatusResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['CustomerStatusResult'] = ResolversParentTypes['CustomerStatusResult']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeviceSupportResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['DeviceSupport'] = ResolversParentTypes['DeviceSupport']> = {
  nfc?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nfcMinVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  os?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qr?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  web?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type EligibilityReasonResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['EligibilityReason'] = ResolversParentTypes['EligibilityReason']> = {
  error?: Resolver<ResolversTypes['CanonicalError'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['EligibilityRule'], ParentType, ContextType>;
};

export interface FenScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Fen'], any> {
  name: 'Fen';
}

export type IssuanceStepResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['IssuanceStep'] = ResolversParentTypes['IssuanceStep']> = {
  fields?: Resolver<Array<ResolversTypes['VerificationField']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type LimitStatusResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['LimitStatus'] = ResolversParentTypes['LimitStatus']> = {
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

export type LocalizedTextResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['LocalizedText'] = ResolversParentTypes['LocalizedText']> = {
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zhCN?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  applyForCreditLine?: Resolver<ResolversTypes['CreditLineApplicationResult'], ParentType, ContextType, RequireFields<MutationApplyForCreditLineArgs, 'input'>>;
  freezeCustomer?: Resolver<ResolversTypes['CustomerStatusResult'], ParentType, ContextType, RequireFields<MutationFreezeCustomerArgs, 'input'>>;
  issueCard?: Resolver<ResolversTypes['CardIssuanceResult'], ParentType, ContextType, RequireFields<MutationIssueCardArgs, 'input'>>;
  lockCard?: Resolver<ResolversTypes['CardLockResult'], ParentType, ContextType, RequireFields<MutationLockCardArgs, 'cardId'>>;
  repay?: Resolver<ResolversTypes['RepaymentResult'], ParentType, ContextType, RequireFields<MutationRepayArgs, 'input'>>;
  revealCardDetails?: Resolver<ResolversTypes['CardDetailsRevealResult'], ParentType, ContextType, RequireFields<MutationRevealCardDetailsArgs, 'input'>>;
  runStatements?: Resolver<ResolversTypes['StatementRunResult'], ParentType, ContextType, Partial<MutationRunStatementsArgs>>;
  sendIssuanceSmsCode?: Resolver<ResolversTypes['SmsCodeSendResult'], ParentType, ContextType, RequireFields<MutationSendIssuanceSmsCodeArgs, 'input'>>;
  setSpendingControls?: Resolver<ResolversTypes['SpendingControlsResult'], ParentType, ContextType, RequireFields<MutationSetSpendingControlsArgs, 'cardId' | 'input'>>;
  startCardIssuance?: Resolver<ResolversTypes['CardIssuanceResult'], ParentType, ContextType, RequireFields<MutationStartCardIssuanceArgs, 'input'>>;
  startCardReveal?: Resolver<ResolversTypes['CardRevealStartResult'], ParentType, ContextType, RequireFields<MutationStartCardRevealArgs, 'input'>>;
  unfreezeCustomer?: Resolver<ResolversTypes['CustomerStatusResult'], ParentType, ContextType, RequireFields<MutationUnfreezeCustomerArgs, 'input'>>;
  unlockCard?: Resolver<ResolversTypes['CardLockResult'], ParentType, ContextType, RequireFields<MutationUnlockCardArgs, 'cardId'>>;
  verifyCardIssuanceStep?: Resolver<ResolversTypes['CardIssuanceResult'], ParentType, ContextType, RequireFields<MutationVerifyCardIssuanceStepArgs, 'input'>>;
};

export type OverdueStateResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['OverdueState'] = ResolversParentTypes['OverdueState']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overdueAmountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  overdueDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  penaltyAccruedFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltyRule?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlatformResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Platform'] = ResolversParentTypes['Platform']> = {
  devices?: Resolver<Array<ResolversTypes['DeviceSupport']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['PlatformRole'], ParentType, ContextType>;
};

export type PlatformEligibilityResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['PlatformEligibility'] = ResolversParentTypes['PlatformEligibility']> = {
  action?: Resolver<ResolversTypes['EligibilityAction'], ParentType, ContextType>;
  age?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eligible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paymentMethods?: Resolver<Maybe<Array<ResolversTypes['PaymentMethod']>>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['EligibilityReason']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<QueryCardArgs, 'id'>>;
  cardIssuance?: Resolver<Maybe<ResolversTypes['CardIssuance']>, ParentType, ContextType, RequireFields<QueryCardIssuanceArgs, 'id'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
};

export type RepaymentResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Repayment'] = ResolversParentTypes['Repayment']> = {
  allocations?: Resolver<Array<ResolversTypes['RepaymentAllocation']>, ParentType, ContextType>;
  amountFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  repaidAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type RepaymentAllocationResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['RepaymentAllocation'] = ResolversParentTypes['RepaymentAllocation']> = {
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
  penaltyFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  principalFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
};

export type RepaymentChannelResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['RepaymentChannel'] = ResolversParentTypes['RepaymentChannel']> = {
  channel?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Platform'], ParentType, ContextType>;
};

export type RepaymentResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['RepaymentResult'] = ResolversParentTypes['RepaymentResult']> = {
  creditLine?: Resolver<Maybe<ResolversTypes['CreditLine']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  repayment?: Resolver<Maybe<ResolversTypes['Repayment']>, ParentType, ContextType>;
};

export type SmsCodeSendResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['SmsCodeSendResult'] = ResolversParentTypes['SmsCodeSendResult']> = {
  error?: Resolver<Maybe<ResolversTypes['CanonicalError']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  issuance?: Resolver<Maybe<ResolversTypes['CardIssuance']>, ParentType, ContextType>;
  nextSendAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sendsLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SpendingControlsResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['SpendingControls'] = ResolversParentTypes['SpendingControls']> = {
  blockedMerchantCategories?: Resolver<Array<ResolversTypes['MerchantCategoryGroup']>, ParentType, ContextType>;
  dailyFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  monthlyFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
  perPaymentFen?: Resolver<Maybe<ResolversTypes['Fen']>, ParentType, ContextType>;
};

export type SpendingControlsResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['SpendingControlsResult'] = ResolversParentTypes['SpendingControlsResult']> = {
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type StatementRunResultResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['StatementRunResult'] = ResolversParentTypes['StatementRunResult']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  billsCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  businessDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  creditLines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  penaltyFen?: Resolver<ResolversTypes['Fen'], ParentType, ContextType>;
  penaltyPostings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TransactionResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type VerificationFieldResolvers<ContextType = IssuerContext, ParentType extends ResolversParentTypes['VerificationField'] = ResolversParentTypes['VerificationField']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type Resolvers<ContextType = IssuerContext> = {
  Bill?: BillResolvers<ContextType>;
  BillConnection?: BillConnectionResolvers<ContextType>;
  BillEdge?: BillEdgeResolvers<ContextType>;
  BillItem?: BillItemResolvers<ContextType>;
  BillItemConnection?: BillItemConnectionResolvers<ContextType>;
  BillItemEdge?: BillItemEdgeResolvers<ContextType>;
  BillingCycle?: BillingCycleResolvers<ContextType>;
  CanonicalError?: CanonicalErrorResolvers<ContextType>;
  Card?: CardResolvers<ContextType>;
  CardDetails?: CardDetailsResolvers<ContextType>;
  CardDetailsRevealResult?: CardDetailsRevealResultResolvers<ContextType>;
  CardIssuance?: CardIssuanceResolvers<ContextType>;
  CardIssuanceResult?: CardIssuanceResultResolvers<ContextType>;
  CardLockResult?: CardLockResultResolvers<ContextType>;
  CardRevealStartResult?: CardRevealStartResultResolvers<ContextType>;
  CreditDecisionReason?: CreditDecisionReasonResolvers<ContextType>;
  CreditLine?: CreditLineResolvers<ContextType>;
  CreditLineApplicationResult?: CreditLineApplicationResultResolvers<ContextType>;
  CreditLineDecision?: CreditLineDecisionResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerFreeze?: CustomerFreezeResolvers<ContextType>;
  CustomerStatusResult?: CustomerStatusResultResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeviceSupport?: DeviceSupportResolvers<ContextType>;
  EligibilityReason?: EligibilityReasonResolvers<ContextType>;
  Fen?: GraphQLScalarType;
  IssuanceStep?: IssuanceStepResolvers<ContextType>;
  LimitStatus?: LimitStatusResolvers<ContextType>;
  LocalizedText?: LocalizedTextResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OverdueState?: OverdueStateResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Platform?: PlatformResolvers<ContextType>;
  PlatformEligibility?: PlatformEligibilityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Repayment?: RepaymentResolvers<ContextType>;
  RepaymentAllocation?: RepaymentAllocationResolvers<ContextType>;
  RepaymentChannel?: RepaymentChannelResolvers<ContextType>;
  RepaymentResult?: RepaymentResultResolvers<ContextType>;
  SmsCodeSendResult?: SmsCodeSendResultResolvers<ContextType>;
  SpendingControls?: SpendingControlsResolvers<ContextType>;
  SpendingControlsResult?: SpendingControlsResultResolvers<ContextType>;
  StatementRunResult?: StatementRunResultResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
  VerificationField?: VerificationFieldResolvers<ContextType>;
};

