/**
 * Creates a new adapter folder from the template: `npm run adapter:new -- <id> <role>`.
 * The output passes the conformance suite as generated, so an author starts green and
 * replaces the template's figures, error rows and platform shapes one by one.
 *
 * Options: --dir <parent folder> (default: adapters/), --no-register (do not add the
 * adapter to adapters/adapters.config.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AdapterRole } from '../sdk/src';

const ADAPTERS_DIR = path.resolve(__dirname, '..');
const TEMPLATE_DIR = path.join(__dirname, 'template');
const ROLES: AdapterRole[] = ['issuer', 'wallet', 'clearing'];

export interface ScaffoldOptions {
  id: string;
  role: AdapterRole;
  /** Folder the adapter folder is created in. */
  parentDir?: string;
  /** Add the adapter to adapters.config.json (default: when created under adapters/). */
  register?: boolean;
}

const ROLE_VALUES: Record<AdapterRole, { scope: string; purpose: string }> = {
  issuer: { scope: 'CUSTOMER', purpose: 'ISSUANCE' },
  wallet: { scope: 'WALLET_ACCOUNT', purpose: 'BINDING' },
  clearing: { scope: 'CARD', purpose: 'PAYMENT' },
};

// An issuer declares the numbers of its credit product; these are placeholders to replace.
const ISSUER_TERMS = `
    issuerTerms: {
      maxCreditLineFen: yuan(50_000),
      penaltyPerDay: { numerator: 5n, denominator: 10_000n },
      statementDay: 1,
      gracePeriodDays: 9,
      minimumDue: { numerator: 10n, denominator: 100n },
      rounding: 'HALF_UP',
      repaymentAllocation: ['PENALTY', 'PRINCIPAL'],
      issuingBank: { 'zh-CN': '发卡银行', en: 'Issuing bank' },
      repaymentChannel: { 'zh-CN': '发卡方 App', en: "the issuer's app" },
    },`;

function importPath(fromDir: string, target: string): string {
  const rel = path.relative(fromDir, target).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function scaffoldAdapter(options: ScaffoldOptions): { dir: string; files: string[] } {
  const { id, role } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`adapter id "${id}" must be kebab-case, e.g. acme-wallet`);
  if (!ROLES.includes(role)) throw new Error(`role "${role}" must be one of ${ROLES.join(', ')}`);
  const parentDir = path.resolve(options.parentDir ?? ADAPTERS_DIR);
  const dir = path.join(parentDir, id);
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists`);

  const words = id.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const camel = pascal[0].toLowerCase() + pascal.slice(1);
  const srcDir = path.join(dir, 'src');
  const fill = (text: string) =>
    text
      .replaceAll('/*__ISSUER_TERMS__*/', role === 'issuer' ? ISSUER_TERMS : '')
      .replaceAll('__SDK__', importPath(srcDir, path.join(ADAPTERS_DIR, 'sdk', 'src')))
      .replaceAll('__TESTKIT__', importPath(srcDir, path.join(ADAPTERS_DIR, 'testkit')))
      .replaceAll('__CONST__', words.join('_').toUpperCase())
      .replaceAll('__PASCAL__', pascal)
      .replaceAll('__CAMEL__', camel)
      .replaceAll('__ROLE__', role)
      .replaceAll('__SCOPE__', ROLE_VALUES[role].scope)
      .replaceAll('__PURPOSE__', ROLE_VALUES[role].purpose)
      .replaceAll('__ID__', id);

  const files: string[] = [];
  const walk = (from: string, to: string) => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      if (entry.isDirectory()) walk(source, path.join(to, entry.name));
      else {
        const target = path.join(to, fill(entry.name.replace(/\.tpl$/, '')));
        fs.writeFileSync(target, fill(fs.readFileSync(source, 'utf8')));
        files.push(path.relative(dir, target));
      }
    }
  };
  walk(TEMPLATE_DIR, dir);

  const register = options.register ?? path.dirname(dir) === ADAPTERS_DIR;
  if (register) {
    const configFile = path.join(ADAPTERS_DIR, 'adapters.config.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { adapters: unknown[] };
    config.adapters.push(importPath(ADAPTERS_DIR, dir));
    fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  }
  return { dir, files: files.sort() };
}

function main(argv: string[]): void {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const noRegister = args.includes('--no-register');
  if (noRegister) args.splice(args.indexOf('--no-register'), 1);
  const parentDir = flag('--dir');
  const [id, role] = args;
  if (!id || !role) {
    console.error('usage: npm run adapter:new -- <id> <issuer|wallet|clearing> [--dir <parent>] [--no-register]');
    process.exit(2);
  }
  const { dir, files } = scaffoldAdapter({ id, role: role as AdapterRole, parentDir, register: noRegister ? false : undefined });
  console.log(`created ${path.relative(process.cwd(), dir)}/\n  ${files.join('\n  ')}`);
  console.log(`next: npx jest ${path.relative(process.cwd(), dir)}`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
