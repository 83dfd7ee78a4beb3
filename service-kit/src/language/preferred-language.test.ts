/** One Accept-Language negotiation for the gateway (en by default) and the subgraphs (zh-CN by default). */
import { preferredLanguage } from './preferred-language';

describe('preferredLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh-Hans-CN,zh;q=0.9', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.5', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['en-US,zh-CN;q=0.5', 'en'],
    ['en;q=0.3, zh-CN;q=0.8', 'zh-CN'],
    ['fr-FR, zh-CN;q=0.2, en;q=0.1', 'zh-CN'],
    ['zh-CN;q=0, en', 'en'],
    ['en;q=0, zh', 'zh-CN'],
  ] as const)('%s reads as %s whatever the default', (header, language) => {
    expect(preferredLanguage(header, 'en')).toBe(language);
    expect(preferredLanguage(header, 'zh-CN')).toBe(language);
  });

  it.each(['fr', 'fr-FR', '*', 'fr, *;q=0.5', '', undefined, null])('%s reads as the default', (header) => {
    expect(preferredLanguage(header, 'en')).toBe('en');
    expect(preferredLanguage(header, 'zh-CN')).toBe('zh-CN');
  });

  it('reads only the head of a very long header', () => {
    expect(preferredLanguage(`${'fr;q=0.9, '.repeat(40)}zh-CN`, 'en')).toBe('en');
  });
});
