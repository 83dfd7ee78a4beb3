/**
 * Creates a new adapter from the template. The output passes the conformance suite as
 * generated, so an author starts green and replaces the template's figures, error rows and
 * platform shapes one by one.
 *
 *   npm run adapter:new -- <id> <role>                 adapters/<id>/, a workspace package of this
 *                                                      repository, added to adapters/adapters.config.json
 *                                                      (--no-register: not added)
 *   npm run adapter:new -- <id> <role> --dir <path>    a standalone package at <path>, anywhere: its own
 *                                                      package.json (the SDK and the testkit by name and
 *                                                      version), tsconfig, Jest configuration and tests;
 *                                                      nothing in it points into this repository
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AdapterRole } from '@cardweave/adapter-sdk';

const ADAPTERS_DIR = path.resolve(__dirname, '..');
const TEMPLATE_DIR = path.join(__dirname, 'template');
const REPOSITORY_ROOT = path.resolve(__dirname, '../..');
const ROLES: AdapterRole[] = ['issuer', 'wallet', 'clearing'];

export interface ScaffoldOptions {
  id: string;
  role: AdapterRole;
  /** A workspace package: the folder the adapter folder is created in (default adapters/). */
  parentDir?: string;
  /** Add the workspace package to adapters.config.json (default: when created under adapters/). */
  register?: boolean;
  /**
   * A standalone package written at this folder (created, or empty), for an adapter kept outside
   * this repository. parentDir and register do not apply.
   */
  standaloneDir?: string;
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

/**
 * The rows each role must map (REQUIRED_ERROR_CODES in the SDK) that the template's common
 * rows do not already hold. Placeholder codes and messages: the author replaces each with the
 * platform's own, or keeps a CW_ code of ours where the platform has none.
 */
const ROLE_ROWS: Record<AdapterRole, string[]> = {
  issuer: [
    `row('CREDIT_NOT_ENOUGH', '可用额度不足', 'INSUFFICIENT_CREDIT', 'USER_ACTION', 'REPAY_AT_ISSUER', { 'zh-CN': '可用额度不足，请先还款', en: 'Not enough credit available; repay first' }, { iso8583: '51' }),`,
    `row('ACCOUNT_OVERDUE', '存在逾期未还款', 'OVERDUE_DEBT', 'USER_ACTION', 'REPAY_OVERDUE_BILL', { 'zh-CN': '存在逾期账单，请先还款', en: 'A bill is overdue; repay it first' }, { iso8583: '57' }),`,
    `row('ACCOUNT_FROZEN', '账户已冻结', 'ACCOUNT_FROZEN', 'USER_ACTION', 'CONTACT_SUPPORT', { 'zh-CN': '账户已冻结，请联系客服', en: 'The account is frozen; contact support' }, { iso8583: '62' }),`,
    `row('CARD_LOCKED', '卡片已锁定', 'CARD_LOCKED', 'USER_ACTION', 'UNLOCK_CARD', { 'zh-CN': '卡片已锁定，请先解锁', en: 'The card is locked; unlock it first' }, { iso8583: '62' }),`,
    `row('CARD_NOT_ACTIVE', '卡片未开通', 'CARD_NOT_ACTIVE', 'USER_ACTION', 'REVERIFY_IDENTITY', { 'zh-CN': '卡片尚未开通，请先完成验证', en: 'The card is not active yet; finish verification first' }),`,
    `row('CARD_EXPIRED', '卡片已过期', 'CARD_EXPIRED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '卡片已过期，请联系客服换卡', en: 'The card has expired; contact support for a new one' }, { iso8583: '54' }),`,
    `row('NOT_ELIGIBLE', '实名认证等级不足', 'NOT_ELIGIBLE', 'USER_ACTION', 'RAISE_REAL_NAME_LEVEL', { 'zh-CN': '请提升实名认证等级', en: 'Raise your real-name verification level' }),`,
    `row('NOT_PERMITTED', '交易不被允许', 'TRANSACTION_NOT_PERMITTED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '该交易不被允许，请联系客服', en: 'This transaction is not allowed; contact support' }, { iso8583: '57' }),`,
    `row('AMOUNT_INVALID', '金额无效', 'INVALID_AMOUNT', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '金额无效，请检查', en: 'The amount is not valid; check it' }, { iso8583: '13' }),`,
  ],
  wallet: [
    `row('FORMAT_ERROR', '格式错误', 'INVALID_FORMAT', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '格式错误，请检查输入', en: 'Format error; check what you entered' }, { iso8583: '30' }),`,
    `row('CARD_INVALID', '无效卡号', 'INVALID_CARD_NUMBER', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '无效卡号，请检查卡号', en: 'Invalid card number; check it' }, { iso8583: '14' }),`,
    `row('HOLDER_MISMATCH', '持卡人信息有误', 'HOLDER_INFO_MISMATCH', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '姓名、证件号或手机号与银行预留信息不一致', en: 'Name, ID number or mobile does not match what the bank holds' }),`,
    `row('MERCHANT_RESTRICTED', '商户限制', 'MERCHANT_RESTRICTED', 'USER_ACTION', 'CHANGE_PAYMENT_SCENE', { 'zh-CN': '商户限制：请更换支付场景，或联系客服', en: 'Merchant restriction: change the payment scene, or contact support' }, { iso8583: '57' }),`,
    `row('CW_BINDING_NOT_ACTIVE', '绑定已暂停', 'BINDING_NOT_ACTIVE', 'USER_ACTION', 'CONTACT_SUPPORT', { 'zh-CN': '该卡的绑定已暂停，请联系客服', en: 'This card binding is suspended; contact support' }),`,
    `row('NOT_PERMITTED', '交易不被允许', 'TRANSACTION_NOT_PERMITTED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '该交易不被允许，请联系客服', en: 'This transaction is not allowed; contact support' }, { iso8583: '57' }),`,
    `row('DUPLICATE_REQUEST', '重复请求', 'DUPLICATE_REQUEST', 'DO_NOT_RETRY', 'QUERY_STATUS', { 'zh-CN': '重复请求，请查询原请求结果', en: 'Duplicate request; check the original result' }, { iso8583: '94' }),`,
    `row('CW_KEY_REUSED', '请求号重复且内容不一致', 'IDEMPOTENCY_KEY_REUSED', 'DO_NOT_RETRY', 'CORRECT_INPUT', { 'zh-CN': '该请求号已用于不同的请求，请重新发起', en: 'This request number was used for a different request; start a new one' }),`,
    `row('CW_CARD_LOCKED', '卡片已锁定', 'CARD_LOCKED', 'USER_ACTION', 'UNLOCK_CARD', { 'zh-CN': '卡片已锁定，请先在发卡方解锁', en: 'The card is locked; unlock it at the issuer first' }, { iso8583: '62' }),`,
    `row('CW_CARD_NOT_ACTIVE', '卡片不可用', 'CARD_NOT_ACTIVE', 'USER_ACTION', 'CONTACT_SUPPORT', { 'zh-CN': '该卡当前不可用，请联系发卡方', en: 'This card cannot be used now; contact the issuer' }),`,
    `row('CW_DEVICE_NOT_SUPPORTED', '当前设备不支持', 'DEVICE_NOT_SUPPORTED', 'USER_ACTION', 'PAY_BY_QR_CODE', { 'zh-CN': '此设备无法使用该钱包付款，请改用扫码支付', en: 'This device cannot pay with this wallet; pay by QR code instead' }),`,
  ],
  clearing: [
    `row('ISSUER_UNAVAILABLE', '发卡行不能操作', 'PLATFORM_UNAVAILABLE', 'RETRY', 'RETRY_LATER', { 'zh-CN': '发卡银行暂时无法处理，请稍后再试', en: 'The issuer is unavailable; try again later' }, { iso8583: '91' }),`,
    `row('CARD_INVALID', '无效卡号', 'INVALID_CARD_NUMBER', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '无效卡号，请检查卡号', en: 'Invalid card number; check it' }, { iso8583: '14' }),`,
    `row('CARD_LOCKED', '卡片锁定', 'CARD_LOCKED', 'USER_ACTION', 'UNLOCK_CARD', { 'zh-CN': '卡片已锁定，请先解锁', en: 'The card is locked; unlock it first' }, { iso8583: '62' }),`,
  ],
};

/** The version range a standalone package asks for: this repository's own version of a package, by caret. */
function caretRangeOf(packageName: string): string {
  const manifest = JSON.parse(fs.readFileSync(require.resolve(`${packageName}/package.json`), 'utf8')) as { version: string };
  return `^${manifest.version}`;
}

/**
 * A standalone package's manifest: the SDK and the testkit by name and version (the testkit at
 * run time too, since the simulator extends its base), and the test tools by the versions this
 * repository is tested with. `exports` serves the compiled adapter to a system that installs it.
 */
function standalonePackageJson(id: string): string {
  const rootManifest = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const devTools = ['@types/jest', '@types/node', 'jest', 'ts-jest', 'typescript'];
  const devDependencies = Object.fromEntries(
    devTools.map((name) => {
      const range = rootManifest.devDependencies[name];
      if (!range) throw new Error(`the repository's package.json has no devDependency ${name} to take a version from`);
      return [name, range];
    }),
  );
  const manifest = {
    name: `cardweave-adapter-${id}`,
    version: '0.1.0',
    description: `The ${id} platform adapter for Cardweave.`,
    private: true,
    license: 'UNLICENSED',
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './simulator': { types: `./dist/src/${id}.simulator.d.ts`, default: `./dist/src/${id}.simulator.js` },
      './expectations': { types: `./dist/src/${id}.expectations.d.ts`, default: `./dist/src/${id}.expectations.js` },
      './package.json': './package.json',
    },
    files: ['dist', '!dist/**/*.test.*'],
    scripts: { build: 'tsc -p tsconfig.build.json', test: 'jest', typecheck: 'tsc -p tsconfig.json' },
    dependencies: {
      '@cardweave/adapter-sdk': caretRangeOf('@cardweave/adapter-sdk'),
      '@cardweave/adapter-testkit': caretRangeOf('@cardweave/adapter-testkit'),
    },
    devDependencies,
    engines: { node: '>=20' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function scaffoldAdapter(options: ScaffoldOptions): { dir: string; files: string[] } {
  const { id, role } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`adapter id "${id}" must be kebab-case, e.g. acme-wallet`);
  if (!ROLES.includes(role)) throw new Error(`role "${role}" must be one of ${ROLES.join(', ')}`);
  const standalone = options.standaloneDir !== undefined;
  const dir = standalone ? path.resolve(options.standaloneDir!) : path.join(path.resolve(options.parentDir ?? ADAPTERS_DIR), id);
  if (standalone ? fs.existsSync(dir) && fs.readdirSync(dir).length > 0 : fs.existsSync(dir)) {
    throw new Error(`${dir} already exists${standalone ? ' and is not empty' : ''}`);
  }

  const words = id.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const camel = pascal[0].toLowerCase() + pascal.slice(1);
  const fill = (text: string) =>
    text
      .replaceAll('/*__ISSUER_TERMS__*/', role === 'issuer' ? ISSUER_TERMS : '')
      .replaceAll('/*__ROLE_ROWS__*/', ROLE_ROWS[role].map((line) => `  ${line}\n`).join(''))
      .replaceAll('__SDK__', '@cardweave/adapter-sdk')
      .replaceAll('__TESTKIT__', '@cardweave/adapter-testkit')
      .replaceAll('__CONST__', words.join('_').toUpperCase())
      .replaceAll('__PASCAL__', pascal)
      .replaceAll('__CAMEL__', camel)
      .replaceAll('__ROLE__', role)
      .replaceAll('__SCOPE__', ROLE_VALUES[role].scope)
      .replaceAll('__PURPOSE__', ROLE_VALUES[role].purpose)
      .replaceAll('__ID__', id);

  const files: string[] = [];
  const write = (target: string, text: string) => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    files.push(path.relative(dir, target));
  };
  const walk = (from: string, to: string) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      if (entry.isDirectory()) walk(source, path.join(to, entry.name));
      else {
        // npm leaves a .gitignore out of a package, so the template keeps it without its dot
        const name = entry.name === 'gitignore.tpl' ? '.gitignore' : fill(entry.name.replace(/\.tpl$/, ''));
        write(path.join(to, name), fill(fs.readFileSync(source, 'utf8')));
      }
    }
  };
  fs.mkdirSync(dir, { recursive: true });
  walk(path.join(TEMPLATE_DIR, 'common'), dir);
  if (standalone) {
    walk(path.join(TEMPLATE_DIR, 'standalone'), dir);
    write(path.join(dir, 'package.json'), standalonePackageJson(id));
    return { dir, files: files.sort() };
  }
  walk(path.join(TEMPLATE_DIR, 'workspace'), dir);

  const register = options.register ?? path.dirname(dir) === ADAPTERS_DIR;
  if (register) {
    const configFile = path.join(ADAPTERS_DIR, 'adapters.config.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { adapters: unknown[] };
    // by package name: the new folder is a workspace package (adapters/*) once npm install links it
    config.adapters.push(`@cardweave/adapter-${id}`);
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
    if (!value || value.startsWith('--')) throw new Error(`${name} needs a folder`);
    return value;
  };
  const noRegister = args.includes('--no-register');
  if (noRegister) args.splice(args.indexOf('--no-register'), 1);
  const standaloneDir = flag('--dir');
  const [id, role] = args;
  if (!id || !role || args.length > 2) {
    console.error('usage: npm run adapter:new -- <id> <issuer|wallet|clearing> [--dir <path> | --no-register]');
    process.exit(2);
  }
  const { dir, files } = scaffoldAdapter({ id, role: role as AdapterRole, standaloneDir, register: noRegister ? false : undefined });
  if (standaloneDir) {
    console.log(`created the standalone package cardweave-adapter-${id} at ${dir}\n  ${files.join('\n  ')}`);
    console.log(`next:
  cd ${dir}
  npm install        # @cardweave/adapter-sdk and @cardweave/adapter-testkit from your registry, or their npm pack tarballs
  npm test           # the conformance suite, green as generated
then run it beside the default adapters, from the Cardweave repository:
  CARDWEAVE_ADAPTERS_ADD=${dir} npm start -- --memory`);
    return;
  }
  console.log(`created ${path.relative(process.cwd(), dir)}/\n  ${files.join('\n  ')}`);
  console.log(`next: npm install (links @cardweave/adapter-${id}), then npx jest ${path.relative(process.cwd(), dir)}`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
