/**
 * Amounts arrive as whole fen; they are shown as CNY. The decimal string is built from
 * integers (no floating point) and handed to Intl as an exact decimal.
 */
export type Language = 'zh-CN' | 'en';

const formatters = new Map<Language, Intl.NumberFormat>();

function formatter(language: Language): Intl.NumberFormat {
  let f = formatters.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency: 'CNY' });
    formatters.set(language, f);
  }
  return f;
}

/** 100000 fen → "¥1,000.00" (zh-CN) or "CN¥1,000.00" (en). */
export function formatFen(fen: number, language: Language): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not a whole number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const decimal = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  // Intl formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3").
  return formatter(language).format(decimal as unknown as number);
}

export function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/**
 * What the holder typed as CNY, in fen: "500", "500.5" or "500.05" (a comma or a space groups
 * thousands); blank is null (no amount). Anything else, or more than two decimals, is undefined.
 * Built from the digits, never through floating point.
 */
export function parseCnyToFen(text: string): number | null | undefined {
  const plain = text.replace(/[\s,]/g, '').replace(/^[¥￥]/, '');
  if (plain === '') return null;
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return undefined;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** Fen as the holder would type it back: 123456 → "1234.56". */
export function fenToCnyInput(fen: number | null | undefined): string {
  if (fen == null) return '';
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
