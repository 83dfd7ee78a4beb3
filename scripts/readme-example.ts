/**
 * `npm run readme:example`: writes the README's example query, its response and the numbers
 * the prose beside it quotes (overdue days, amounts, penalty postings, customer 1's figures)
 * from the real system, run in memory with the demo data and the clock pinned at the instant the
 * README states (DEMO_NOW, as `npm run mock` stands). `-- --check` only says whether the README
 * is current, as its test does.
 */
import * as path from 'node:path';
import { applyFraction, loadAdapterRegistry, type Fraction } from '@cardweave/adapter-sdk';
import * as prettier from 'prettier';
import { setLogSink } from '@cardweave/service-kit';
import { startMockServer } from '../client/mock/mock-server';
import { DEMO_NOW } from './demo-data/demo-now';
import { demoCustomerId } from './demo-data/random';
import { writeReadmeTable } from './readme-table';

const START = '<!-- The example below is written by `npm run readme:example`; edit scripts/readme-example.ts instead. -->';
const END = '<!-- End of the example written by `npm run readme:example`. -->';

/**
 * The README's example query, as the curl sends it: a GET with the query URL-encoded, so that it
 * can span lines (a JSON body could not hold the line breaks in its string).
 */
export const exampleQuery = (customerId: string) =>
  `{ customer(id: "${customerId}") { name cards { maskedNumber
     overdue { isOverdue overdueDays overdueAmountFen penaltyAccruedFen }
     payableNow { walletPlatform { id } amountFen bindingRule { ruleId blockedCode } } } } }`;

/** The rules behind customer 1's figures, read through the same API. */
const CUSTOMER_1_RULES = `query($id: ID!) { customer(id: $id) { creditLine { availableFen } cards {
  payableNow { walletPlatform { id displayName { en } } amountFen bindingRule { ruleId platform { displayName { en } } }
    rules { ruleId window limitFen platform { id role displayName { en } } } } } } }`;

interface Card {
  maskedNumber: string;
  overdue: { isOverdue: boolean; overdueDays: number; overdueAmountFen: number; penaltyAccruedFen: number };
  payableNow: Array<{ walletPlatform: { id: string }; amountFen: number; bindingRule: { ruleId: string; blockedCode: string | null } }>;
}

interface Rule {
  ruleId: string;
  window: string;
  limitFen: number;
  platform: { id: string; role: string; displayName: { en: string } };
}

interface Customer1Rules {
  creditLine: { availableFen: number };
  cards: Array<{ payableNow: Array<{ walletPlatform: { id: string; displayName: { en: string } }; amountFen: number; rules: Rule[] }> }>;
}

/** 1234567 fen as "12,345.67". */
export function cny(fen: number | bigint): string {
  const f = BigInt(fen);
  return `${(f / 100n).toLocaleString('en-US')}.${String(f % 100n).padStart(2, '0')}`;
}

/** numerator/denominator exactly, in decimal (the fractions here end within a few digits). */
function exactDecimal(numerator: bigint, denominator: bigint): string {
  const whole = numerator / denominator;
  let rest = numerator % denominator;
  let digits = '';
  for (let i = 0; i < 8 && rest !== 0n; i += 1) {
    rest *= 10n;
    digits += String(rest / denominator);
    rest %= denominator;
  }
  if (rest !== 0n) throw new Error(`${numerator}/${denominator} does not end within 8 digits`);
  return digits ? `${whole}.${digits}` : String(whole);
}

const percent = (f: Fraction) => `${exactDecimal(f.numerator * 100n, f.denominator)}%`;
const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const ROUNDING: Record<string, string> = {
  HALF_UP: 'rounded half-up',
  HALF_EVEN: 'rounded half to even',
  DOWN: 'rounded down',
  UP: 'rounded up',
};

/** The README's example, from the system the mock runs, pinned at `now`. */
export async function readmeExample(now: string = DEMO_NOW): Promise<string> {
  const terms = loadAdapterRegistry().single('issuer').issuerTerms!;
  const mock = await startMockServer({ now });
  try {
    const answer = async <T>(customerId: string, response: Response) => {
      const body = (await response.json()) as { data: { customer: T }; errors?: unknown[] };
      if (response.status !== 200 || body.errors) throw new Error(`the example failed for ${customerId}: ${JSON.stringify(body)}`);
      return body;
    };
    const auth = (customerId: string) => ({ authorization: `Bearer ${mock.token(customerId)}` });
    // Sent as the README's curl sends it.
    const ask = async (customerId: string) =>
      answer<{ name: string; cards: Card[] }>(
        customerId,
        await fetch(`${mock.url}?query=${encodeURIComponent(`\n  ${exampleQuery(customerId)}`)}`, { headers: auth(customerId) }),
      );
    const askPost = async (customerId: string, query: string, variables: Record<string, unknown>) =>
      answer<Customer1Rules>(
        customerId,
        await fetch(mock.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth(customerId) },
          body: JSON.stringify({ query, variables }),
        }),
      );
    const overdueId = demoCustomerId(2);
    const goodId = demoCustomerId(1);
    const overdueAnswer = await ask(overdueId);
    const goodAnswer = await ask(goodId);
    const rulesAnswer = await askPost(goodId, CUSTOMER_1_RULES, { id: goodId });

    const late = overdueAnswer.data.customer.cards[0];
    if (!late?.overdue.isOverdue) throw new Error(`demo customer 2 is not overdue at ${now}`);
    const { overdueDays, overdueAmountFen, penaltyAccruedFen } = late.overdue;
    // A posting per overdue day that has ended: the prose states the API's own figures, checked here.
    const postings = overdueDays - 1;
    const perPosting = applyFraction(BigInt(overdueAmountFen), terms.penaltyPerDay, terms.rounding);
    if (perPosting * BigInt(postings) !== BigInt(penaltyAccruedFen)) {
      throw new Error(`penalty ${penaltyAccruedFen} fen is not ${postings} postings of ${perPosting} fen`);
    }
    const unrounded = exactDecimal(BigInt(overdueAmountFen) * terms.penaltyPerDay.numerator, terms.penaltyPerDay.denominator);
    const laterDays = overdueDays + 2;

    const good = goodAnswer.data.customer.cards[0];
    if (good.overdue.isOverdue) throw new Error(`demo customer 1 is overdue at ${now}`);
    const detail = rulesAnswer.data.customer;
    const payable = detail.cards[0].payableNow;
    const ruleNamed = (role: string, window: string, walletId?: string) =>
      payable
        .flatMap((p) => p.rules)
        .find((r) => r.platform.role === role && r.window === window && (!walletId || r.platform.id === walletId));
    const bound = good.payableNow.map((p) => `\`${p.walletPlatform.id}\` ${cny(p.amountFen)} CNY (\`${p.bindingRule.ruleId}\`)`);
    const networkCap = ruleNamed('CLEARING', 'PER_PAYMENT');
    const walletCaps = payable
      .map((p) => ruleNamed('WALLET', 'PER_PAYMENT', p.walletPlatform.id))
      .filter((r): r is Rule => Boolean(r))
      .map((r) => `${r.platform.displayName.en} ${cny(r.limitFen)} CNY`);

    // On one line: Prettier then breaks only what does not fit, as the README reads best.
    const response = JSON.stringify(overdueAnswer);
    const localTime = new Date(now).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
    return await asReadmeFormats(`${START}

The demo data depends on the day (its bills, overdue days and limit windows follow the clock).
The response below was taken at ${localTime} in Asia/Shanghai: run with the clock pinned there,
\`CARDWEAVE_NOW=${now} npm start -- --memory\` answers exactly this, and so does \`npm run mock\`
(on port 4010), which stands at that instant by default.

\`\`\`sh
curl -sG http://127.0.0.1:4000/graphql \\
  -H "authorization: Bearer $(npm run -s token -- ${overdueId})" --data-urlencode 'query=
  ${exampleQuery(overdueId)}'
\`\`\`

The response (customer 2 is the demo's overdue card holder; customer 1 is in good standing):

\`\`\`json
${response}
\`\`\`

WeChat Pay on its own would not show that this card is overdue; here the overdue bill is
beside the binding, and the payable amount is 0 because the issuer refuses an overdue line.
For customer 1 the same query gives what each wallet can pay now and the rule that binds it:
${list(bound)}.
JD Finance has ${cny(detail.creditLine.availableFen)} CNY of credit available${walletCaps.length ? `, the wallets allow ${list(walletCaps)} per payment` : ''}${
      networkCap
        ? `,
and ${networkCap.platform.displayName.en} caps a payment at ${cny(networkCap.limitFen)} CNY`
        : ''
    }.
Amounts are always whole **fen** (1 CNY = 100 fen); the penalty above is ${percent(terms.penaltyPerDay)} a day of
${cny(overdueAmountFen)} CNY, ${unrounded} fen ${ROUNDING[terms.rounding] ?? `rounded (${terms.rounding})`} to ${perPosting} fen once per daily posting, for ${postings} days.
The penalty is charged for full days only: \`overdueDays\` counts the days since the due date
with the current one (the day after the due date is day 1), and a day's penalty is posted
once that day has ended in Asia/Shanghai (at 00:00 of the next day), on the principal still
unpaid when it ended. So at ${overdueDays} days overdue there are ${postings} postings, at ${laterDays} days ${laterDays - 1}. Each
(bill, day) is posted once: running statements again, or twice at the same time, posts
nothing twice.

${END}`);
  } finally {
    await mock.stop();
  }
}

/** As Prettier leaves it in the README, so that formatting the README keeps it current. */
async function asReadmeFormats(markdown: string): Promise<string> {
  const readme = path.resolve(__dirname, '../README.md');
  const options = await prettier.resolveConfig(readme);
  return (await prettier.format(markdown, { ...options, filepath: readme })).trimEnd();
}

/** The README with its example replaced; the markers stay. */
export function withReadmeExample(readme: string, example: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md: the example markers are missing');
  return readme.slice(0, start) + example + readme.slice(end + END.length);
}

if (require.main === module) {
  // The services' request logs would bury what this says.
  setLogSink(() => undefined);
  readmeExample()
    .then((example) => {
      writeReadmeTable('example query and its numbers are', 'npm run readme:example', (readme) => withReadmeExample(readme, example));
      process.exit(process.exitCode ?? 0);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
