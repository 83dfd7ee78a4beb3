/** Error messages in the request's language: the negotiation, the plain limit words and the zh-CN table. */
import { plainLimitMessage } from './limit-messages';
import { localizeError } from './localize-error';
import { errorLanguage } from './request-language';
import { inChinese } from './zh-cn-messages';

describe('errorLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hans-CN,zh;q=0.9', 'zh-CN'],
    ['en-US,zh-CN;q=0.5', 'en'],
    ['en;q=0.3, zh-CN;q=0.8', 'zh-CN'],
    ['fr-FR, zh-CN;q=0.2, en;q=0.1', 'zh-CN'],
    ['zh-CN;q=0, en', 'en'],
    ['fr', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s reads as %s', (header, language) => {
    expect(errorLanguage(header)).toBe(language);
  });
});

describe('plainLimitMessage', () => {
  it("words Armor's refusals by what was measured and the limit, not as syntax errors", () => {
    expect(plainLimitMessage('Syntax Error: Query Cost limit of 20000 exceeded, found 181227.')).toBe(
      'query cost 181,227 is over the limit of 20,000',
    );
    expect(plainLimitMessage('Syntax Error: Query depth limit of 10 exceeded, found 12.')).toBe('query depth 12 is over the limit of 10');
    expect(plainLimitMessage('Syntax Error: Aliases limit of 15 exceeded, found 16.')).toBe(
      'the query has 16 aliases, over the limit of 15',
    );
    expect(plainLimitMessage('Syntax Error: Token limit of 1000 exceeded.')).toBe('the query is longer than the limit of 1,000 tokens');
    expect(plainLimitMessage('Operation estimated cost 30000 exceeded configured maximum 20000')).toBe(
      'query cost 30,000 is over the limit of 20,000',
    );
  });
});

describe('inChinese', () => {
  it.each([
    ['OPERATION_LIMIT_EXCEEDED', 'query cost 181,227 is over the limit of 20,000', '查询成本 181,227 超过上限 20,000'],
    ['OPERATION_LIMIT_EXCEEDED', 'query depth 12 is over the limit of 10', '查询深度 12 超过上限 10'],
    ['GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name, found <EOF>.', '语法错误：此处应为 Name，却是 <EOF>。'],
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "nope" on type "Query". Did you mean "node"?',
      '类型 "Query" 上没有可查询的字段 "nope"。你是否想用 "node"？',
    ],
    ['BAD_USER_INPUT', 'first: must be between 1 and 100; got 0', 'first：必须在 1 到 100 之间；收到的是 0'],
    [
      'BAD_USER_INPUT',
      'input.amountFen: must be a whole number of fen from -9007199254740991 to 9007199254740991; got 9007199254740994',
      'input.amountFen：必须是 -9007199254740991 到 9007199254740991 之间的整数分；收到的是 9007199254740994',
    ],
    [
      'BAD_USER_INPUT',
      'Variable "$a" got invalid value 1.5; Fen must be a whole number of fen (e.g. 12345 for 123.45 CNY), not a fraction; got 1.5',
      '变量 $a 的值 1.5 无效：Fen 必须是整数分（例如 12345 表示 123.45 元），不能是小数；收到的是 1.5',
    ],
    ['BAD_USER_INPUT', 'cardId: not a valid id', 'cardId：不是有效的 ID'],
    ['BAD_USER_INPUT', 'first: 1 to 100', 'first：须在 1 到 100 之间'],
    ['UNAUTHENTICATED', 'Invalid authentication token provided', '提供的认证令牌无效。'],
    ['NOT_FOUND', 'card not found', '未找到卡片'],
    [
      'FORBIDDEN',
      'Query.customers: the customer may not read this; only operators may',
      'Query.customers：客户本人不能读取此内容；只有运营人员可以',
    ],
    ['UNAUTHENTICATED', 'Unauthenticated', '未认证：请求需要有效的访问令牌。'],
    [
      'SUBGRAPH_UNAVAILABLE',
      'the wallet service is unavailable; its part of the result is missing',
      'wallet 服务不可用，结果中缺少它的部分',
    ],
    ['INTERNAL_SERVER_ERROR', 'Unexpected error.', '意外错误。'],
  ])('%s: %s', (code, english, chinese) => {
    expect(inChinese(english, code)).toBe(chinese);
  });

  it('keeps an unknown message after the Chinese for its code, so nothing is lost', () => {
    expect(inChinese('something new', 'BAD_USER_INPUT')).toBe('输入无效：something new');
    expect(inChinese('a detail nobody wrote a rule for', 'PLATFORM_UNAVAILABLE')).toBe(
      '平台错误（PLATFORM_UNAVAILABLE）：a detail nobody wrote a rule for',
    );
  });
});

describe('localizeError', () => {
  it('changes the message only, and only for zh-CN', () => {
    const error = { message: 'card not found', extensions: { code: 'NOT_FOUND', field: 'cardId' }, path: ['card'] };
    expect(localizeError(error, 'en')).toBe(error);
    expect(localizeError(error, 'zh-CN')).toEqual({ ...error, message: '未找到卡片' });
  });
});
