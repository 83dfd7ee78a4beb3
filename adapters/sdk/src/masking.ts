/**
 * Masks for display and logs. PCI DSS allows at most first 6 / last 4 of a card
 * number; we show only the last four. A masked value keeps no more than it shows.
 */
export function maskCardNumber(cardNumber: string): string {
  const digits = cardNumber.replace(/\D/g, '');
  return `**** ${digits.slice(-4)}`;
}

export function cardLastFour(cardNumber: string): string {
  return cardNumber.replace(/\D/g, '').slice(-4);
}

/** Resident ID: first character and last character, the rest starred (length kept). */
export function maskResidentId(id: string): string {
  const compact = id.trim();
  if (compact.length < 3) return '*'.repeat(compact.length);
  return `${compact[0]}${'*'.repeat(compact.length - 2)}${compact[compact.length - 1]}`;
}

/** Mobile: first three and last four, e.g. 138****5678. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length !== 11) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}

/**
 * A person's name: a Chinese name keeps its first character (the family name's), e.g. 张* for
 * 张三; a name in Latin letters keeps the initial of each word, e.g. J*** S**** for John Smith,
 * since the family name may come first or last. Every other character is starred, one for one;
 * a name of one character keeps nothing.
 */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (/\p{Script=Han}/u.test(chars[0])) return chars[0] + '*'.repeat(chars.length - 1);
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const letters = Array.from(word);
      return letters[0] + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}
