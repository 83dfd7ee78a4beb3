/**
 * The zh-CN wording of the gateway's error messages. Every message a client can get is English
 * where it is made (the graphql-js rules, the subgraphs' input checks, Armor's limits, the edge's
 * own), so this table reads the English by its code and its shape and says the same in Chinese,
 * keeping what it carries (field paths, names, numbers, types) as they are. A message no rule knows
 * still gets the Chinese for its code, with the English detail kept after it, so nothing is lost.
 */

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

/** Who a permission names (service-kit/src/auth/permissions.ts). */
const WHO: Record<string, string> = {
  'the customer': '客户本人',
  operators: '运营人员',
  'sibling services': '同级服务',
  'a request without identity': '无身份的请求',
};
const who = (text: string) =>
  text
    .split(' or ')
    .map((w) => WHO[w.trim()] ?? w.trim())
    .join('或');

/** The kinds of objects a lookup may not find (service-kit/src/errors/not-found.ts callers). */
const THINGS: Record<string, string> = {
  card: '卡片',
  customer: '客户',
  binding: '绑定',
  'wallet binding': '钱包绑定',
  bill: '账单',
  transaction: '交易',
  payment: '支付',
  repayment: '还款',
  'webhook endpoint': 'webhook 端点',
  'webhook delivery': 'webhook 投递',
};

/** The detail after `field: ` in an input error, and the scalars' own messages. */
const DETAILS: Rule[] = [
  [/^not a valid id$/, () => '不是有效的 ID'],
  [/^not a cursor this API issued$/, () => '不是本 API 签发的游标'],
  [/^must be (?:a whole number )?from (-?\d+) to (-?\d+)(?:; got (.+))?$/, (m) => `必须是 ${m[1]} 到 ${m[2]} 之间的整数${got(m[3])}`],
  [/^(\d+) to (\d+)$/, (m) => `须在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be between (-?\d+) and (-?\d+)(?:; got (.+))?$/, (m) => `必须在 ${m[1]} 到 ${m[2]} 之间${got(m[3])}`],
  [
    /^(Fen )?must be a whole number of fen from (-?\d+) to (-?\d+), as a JSON number or a string of digits; got (.+)$/s,
    (m) => `${m[1] ? 'Fen ' : ''}必须是 ${m[2]} 到 ${m[3]} 之间的整数分，写作 JSON 数字或数字字符串；收到的是 ${m[4]}`,
  ],
  [
    /^(Fen )?must be a whole number of fen from (-?\d+) to (-?\d+)(?:; got (.+))?$/,
    (m) => `${m[1] ? 'Fen ' : ''}必须是 ${m[2]} 到 ${m[3]} 之间的整数分${got(m[4])}`,
  ],
  [
    /^(Fen )?must be a whole number of fen \(e\.g\. 12345 for 123\.45 CNY\), not a fraction(?:; got (.+))?$/,
    (m) => `${m[1] ? 'Fen ' : ''}必须是整数分（例如 12345 表示 123.45 元），不能是小数${got(m[2])}`,
  ],
  [/^must be a whole number of fen above 0$/, () => '必须是大于 0 的整数分'],
  [/^must be more than 0 fen$/, () => '必须大于 0 分'],
  [/^must be at most (\d+) fen$/, (m) => `最多 ${m[1]} 分`],
  [/^must not be above (\S+)$/, (m) => `不得大于 ${m[1]}`],
  [/^must not be after (\S+)$/, (m) => `不得晚于 ${m[1]}`],
  [/^must not be negative$/, () => '不得为负数'],
  [/^8 to 64 letters, digits, - or _$/, () => '须为 8 到 64 个字母、数字、- 或 _'],
  [/^1 to 64 printable characters$/, () => '须为 1 到 64 个可打印字符'],
  [/^four digits \(ISO 18245\)$/, () => '须为四位数字（ISO 18245）'],
  [/^at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must not hold control characters$/, () => '不得包含控制字符'],
  [/^not a wallet platform$|^not a wallet this system serves$/, () => '不是本系统支持的钱包平台'],
  [/^not a merchant category group$/, () => '不是商户类别组'],
  [/^must be IOS, ANDROID or WINDOWS$/, () => '必须是 IOS、ANDROID 或 WINDOWS'],
  [/^not an absolute URL$/, () => '不是绝对 URL'],
  [/^only http and https URLs receive webhooks$/, () => '只有 http 和 https URL 可以接收 webhook'],
  [/^at least one event type$/, () => '至少需要一个事件类型'],
  [/^each field once, at most 10$/, () => '每个字段只能出现一次，最多 10 个'],
  [/^must be an instant of the years 0001 to 9999 \(UTC\)$/, () => '必须是 0001 到 9999 年之间的时刻（UTC）'],
  [/^name at least one status, or leave it out for every status$/, () => '至少列出一种状态，或省略以包含所有状态'],
  [/^Date must be YYYY-MM-DD$/, () => 'Date 必须是 YYYY-MM-DD 格式'],
  [/^DateTime must be an ISO 8601 instant$/, () => 'DateTime 必须是 ISO 8601 时刻'],
  [/^Int cannot represent non-integer value: (.*)$/s, (m) => `Int 不能表示非整数值：${m[1]}`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (m) => `Int 不能表示超出 32 位有符号整数范围的值：${m[1]}`],
  [/^(\w+) cannot represent (?:a )?non[- ](\S+) value: (.*)$/s, (m) => `${m[1]} 不能表示非 ${m[2]} 值：${m[3]}`],
  [/^(\w+) cannot represent value: (.*)$/s, (m) => `${m[1]} 不能表示该值：${m[2]}`],
  [/^the number is beyond a signed 64-bit integer$/, () => '数值超出 64 位有符号整数的范围'],
  [/^the number is beyond a 64-bit float$/, () => '数值超出 64 位浮点数的范围'],
];

const got = (value: string | undefined) => (value === undefined ? '' : `；收到的是 ${value}`);

/** The detail in Chinese, or undefined when no rule knows it. */
function detailInChinese(text: string): string | undefined {
  return apply(DETAILS, text) ?? apply(COERCION, text);
}

/** graphql-js's messages about values (variables, literals, input fields), around a scalar's own message. */
const COERCION: Rule[] = [
  [
    /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; (.*)$/s,
    (m) => `变量 $${m[1]} 的值 ${m[2]} 无效${m[3] ? `（位于 "${m[3]}"）` : ''}：${detailOrAsIs(m[4])}`,
  ],
  [/^Variable "\$(\w+)" of required type "([^"]+)" was not provided\.$/, (m) => `未提供必填变量 $${m[1]}（类型 "${m[2]}"）。`],
  [/^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null\.$/, (m) => `变量 $${m[1]}（类型 "${m[2]}"）不能为 null。`],
  [/^Expected value of type "([^"]+)", found (.*?); (.*)$/s, (m) => `类型 "${m[1]}" 的值 ${m[2]} 无效：${detailOrAsIs(m[3])}`],
  [/^Expected value of type "([^"]+)", found (.*)\.$/s, (m) => `应为类型 "${m[1]}" 的值，收到的是 ${m[2]}。`],
  [/^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/, (m) => `未提供必填字段 "${m[1]}"（类型 "${m[2]}"）。`],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"\.(.*)$/s, (m) => `类型 "${m[2]}" 没有定义字段 "${m[1]}"。${didYouMean(m[3])}`],
];

const detailOrAsIs = (text: string) => detailInChinese(text) ?? text;

const didYouMean = (rest: string | undefined) => {
  const m = /Did you mean (.*)\?/.exec(rest ?? '');
  return m ? `你是否想用 ${m[1].replace(/ or /g, ' 或 ')}？` : '';
};

const VALIDATION: Rule[] = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"\.(.*)$/s, (m) => `类型 "${m[2]}" 上没有可查询的字段 "${m[1]}"。${didYouMean(m[3])}`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"\.(.*)$/s, (m) => `字段 "${m[2]}" 没有参数 "${m[1]}"。${didYouMean(m[3])}`],
  [
    /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/,
    (m) => `字段 "${m[1]}" 的必填参数 "${m[2]}"（类型 "${m[3]}"）未提供。`,
  ],
  [/^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./, (m) => `字段 "${m[1]}"（类型 "${m[2]}"）必须选择子字段。`],
  [
    /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.$/,
    (m) => `字段 "${m[1]}" 的类型 "${m[2]}" 没有子字段，不能有选择集。`,
  ],
  [/^Unknown type "([^"]+)"\.(.*)$/s, (m) => `未知类型 "${m[1]}"。${didYouMean(m[2])}`],
  [/^Unknown directive "@([^"]+)"\.$/, (m) => `未知指令 "@${m[1]}"。`],
  [/^Unknown fragment "([^"]+)"\.$/, (m) => `未知片段 "${m[1]}"。`],
  [/^Fragment "([^"]+)" is never used\.$/, (m) => `片段 "${m[1]}" 未被使用。`],
  [/^Variable "\$(\w+)" is never used(?: in operation "([^"]+)")?\.$/, (m) => `变量 $${m[1]} 未被使用。`],
  [/^Variable "\$(\w+)" is not defined(?: by operation "([^"]+)")?\.$/, (m) => `变量 $${m[1]} 未定义。`],
  [
    /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.$/,
    (m) => `变量 $${m[1]} 的类型 "${m[2]}" 不能用在需要类型 "${m[3]}" 的位置。`,
  ],
  [/^GraphQL introspection (?:has been disabled|is not allowed)/, () => '本网关已禁用 GraphQL 内省查询。'],
  ...COERCION,
];

const PARSE: Rule[] = [
  [/^Syntax Error: Expected (.+), found (.+)\.$/, (m) => `语法错误：此处应为 ${m[1]}，却是 ${m[2]}。`],
  [/^Syntax Error: Unexpected (.+)\.$/, (m) => `语法错误：意外的 ${m[1]}。`],
  [/^Syntax Error: Unterminated string\.$/, () => '语法错误：字符串未结束。'],
  [/^Syntax Error: (.*)$/s, (m) => `语法错误：${m[1]}`],
];

/** The plain limit messages of gateway/src/errors/limit-messages.ts. */
const LIMITS: Rule[] = [
  [/^query cost ([\d,]+) is over the limit of ([\d,]+)$/, (m) => `查询成本 ${m[1]} 超过上限 ${m[2]}`],
  [/^query depth ([\d,]+) is over the limit of ([\d,]+)$/, (m) => `查询深度 ${m[1]} 超过上限 ${m[2]}`],
  [/^the query has ([\d,]+) aliases, over the limit of ([\d,]+)$/, (m) => `查询使用了 ${m[1]} 个别名，超过上限 ${m[2]}`],
  [/^the query is longer than the limit of ([\d,]+) tokens$/, (m) => `查询超过了 ${m[1]} 个词法单元的上限`],
];

/** Input errors: `field: detail`, the detail in Chinese, the field as it is. */
const INPUT: Rule[] = [
  ...COERCION,
  [
    /^([\w$@.[\]]+): (.*)$/s,
    (m) => {
      const zh = detailInChinese(m[2]);
      return zh ? `${m[1]}：${zh}` : `${m[1]}：输入无效（${m[2]}）`;
    },
  ],
  ...DETAILS,
];

const BY_CODE: Record<string, Rule[]> = {
  GRAPHQL_PARSE_FAILED: PARSE,
  GRAPHQL_VALIDATION_FAILED: VALIDATION,
  BAD_USER_INPUT: INPUT,
  OPERATION_LIMIT_EXCEEDED: LIMITS,
  UNAUTHENTICATED: [
    [/^Unauthenticated\.?$/i, () => '未认证：请求需要有效的访问令牌。'],
    [/^the token grants no access$/, () => '该令牌不授予任何访问权限。'],
    [/^Invalid authentication token provided$/, () => '提供的认证令牌无效。'],
    [/^Failed to decode authentication token/, () => '无法解码认证令牌。'],
    [/^unauthenticated: (.*)$/s, (m) => `未认证：${m[1]}`],
  ],
  FORBIDDEN: [
    [/^(\S+): needs an identity; only (.+) may$/, (m) => `${m[1]}：需要身份；只有${who(m[2])}可以`],
    [
      /^(\S+): (.+?) may not (do|read) this( on a customer’s behalf)?; only (.+) may$/,
      (m) => `${m[1]}：${who(m[2])}不能${m[4] ? '代表客户' : ''}${m[3] === 'do' ? '执行此操作' : '读取此内容'}；只有${who(m[5])}可以`,
    ],
    [/^(\S+): (.+?) may not act on a customer’s behalf$/, (m) => `${m[1]}：${who(m[2])}不能代表客户操作`],
    [/^this operation is for operators$/, () => '此操作仅限运营人员'],
    [/^operators only$/, () => '仅限运营人员'],
    [/^a customer registers endpoints for their own events$/, () => '客户只能为自己的事件注册端点'],
    [/^only a signed-in customer can follow their activity$/, () => '只有已登录的客户才能关注自己的动态'],
    [/^sign-in is only accepted from this site$/, () => '只接受来自本站点的登录'],
  ],
  NOT_FOUND: [
    [/^no such webhook delivery$/, () => '没有这条 webhook 投递记录'],
    [/^(.+) not found$/, (m) => (THINGS[m[1]] ? `未找到${THINGS[m[1]]}` : `未找到 ${m[1]}`)],
  ],
  PERSISTED_QUERY_ONLY: [
    [
      /^this gateway runs only the operations of its manifest/,
      () => '本网关只执行其清单中的操作：请发送 extensions.persistedQuery.sha256Hash，而不是查询文本',
    ],
  ],
  PERSISTED_QUERY_NOT_FOUND: [[/^no operation in the manifest has this hash$/, () => '清单中没有与此哈希对应的操作']],
  BAD_REQUEST: [
    [/^the request has neither a query nor a persisted operation hash$/, () => '请求既没有查询，也没有持久化操作的哈希'],
    [/^invalid Content-Length$/, () => 'Content-Length 无效'],
  ],
  SUBGRAPH_UNAVAILABLE: [
    [/^the (\S+) service is unavailable; its part of the result is missing$/, (m) => `${m[1]} 服务不可用，结果中缺少它的部分`],
    [/^a service is unavailable; part of the result is missing$/, () => '有服务不可用，结果中缺少一部分'],
  ],
  INTERNAL_SERVER_ERROR: [[/^Unexpected error\.$/, () => '意外错误。']],
  PAYLOAD_TOO_LARGE: [[/^the request body is larger than (\d+) bytes$/, (m) => `请求体超过 ${m[1]} 字节`]],
  UNSUPPORTED_MEDIA_TYPE: [[/^send GraphQL requests as application\/json$/, () => '请以 application/json 发送 GraphQL 请求']],
  LENGTH_REQUIRED: [[/^a request body needs a Content-Length header$/, () => '请求体需要 Content-Length 头']],
};

/** What each code says in Chinese when no rule knows the message (the English detail follows). */
const CODE_IN_CHINESE: Record<string, string> = {
  BAD_REQUEST: '请求无效',
  GRAPHQL_PARSE_FAILED: '查询文档无法解析',
  GRAPHQL_VALIDATION_FAILED: '查询未通过校验',
  BAD_USER_INPUT: '输入无效',
  UNAUTHENTICATED: '未认证',
  FORBIDDEN: '无权访问',
  NOT_FOUND: '未找到',
  OPERATION_LIMIT_EXCEEDED: '查询超出限制',
  PERSISTED_QUERY_NOT_FOUND: '未找到持久化操作',
  PERSISTED_QUERY_ONLY: '只接受持久化操作',
  PAYLOAD_TOO_LARGE: '请求体过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的媒体类型',
  LENGTH_REQUIRED: '需要 Content-Length',
  METHOD_NOT_ALLOWED: '不允许此 HTTP 方法',
  IDEMPOTENCY_CONFLICT: '幂等键冲突',
  SUBGRAPH_UNAVAILABLE: '服务不可用',
  INTERNAL_SERVER_ERROR: '内部错误',
};

function apply(rules: readonly Rule[], message: string): string | undefined {
  for (const [pattern, say] of rules) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return undefined;
}

/** `message`, an error of `code` in English, in zh-CN. */
export function inChinese(message: string, code: string): string {
  const known = apply(BY_CODE[code] ?? [], message);
  if (known) return known;
  const heading = CODE_IN_CHINESE[code] ?? `平台错误（${code}）`;
  return message ? `${heading}：${message}` : heading;
}
