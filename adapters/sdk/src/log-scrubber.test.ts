import { scrub, scrubbingLogger, scrubText } from './log-scrubber';
import { maskCardNumber, maskMobile, maskPersonName, maskResidentId } from './masking';

describe('masking', () => {
  it('shows only what each rule allows', () => {
    expect(maskCardNumber('6253 5012 3456 7897')).toBe('**** 7897');
    expect(maskResidentId('11010519491231002X')).toBe('1****************X');
    expect(maskMobile('+8613800138000')).toBe('138****8000');
  });

  it('keeps only the first character of a Chinese name and the initial of each word of a Latin one', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('买买提·艾力')).toBe('买*****');
    expect(maskPersonName('John Smith')).toBe('J*** S****');
    expect(maskPersonName("  mary-ann  o'neil ")).toBe('m******* o*****');
    expect(maskPersonName('王')).toBe('*');
    expect(maskPersonName('')).toBe('');
  });
});

describe('log scrubber', () => {
  it('removes card, ID and mobile numbers from free text', () => {
    const out = scrubText('pan=6253501234567897 id 11010519491231002x tel +86 13800138000 amount 100000 at 1732662000000');
    expect(out).not.toMatch(/6253501234567897|11010519491231002|13800138000/);
    expect(out).toContain('**** 7897');
    expect(out).toContain('1****************X');
    expect(out).toContain('138****8000');
    expect(out).toContain('amount 100000 at 1732662000000'); // amounts and epoch millis survive
  });
  it('catches spaced card numbers and key=value secrets', () => {
    const out = scrubText('card 6253 5012 3456 7897 cvv2=739&smsCode=480615 {"password":"123456"}');
    expect(out).not.toMatch(/6253 5012 3456|739|480615|123456/);
  });
  it('masks card numbers of 13 to 19 digits, Luhn or not, spaced or dashed, but not times and epoch millis', () => {
    const out = scrubText(
      'visa 4222222222222 amex 3782-822463-10005 unionpay 6253 5012 3456 7890 long 6253501234567897123 at 1732662000000 txnTime 20270101003005',
    );
    expect(out).not.toMatch(/4222222222222|822463|5012 3456|6253501234567897123/);
    expect(out).toContain('**** 7890');
    expect(out).toContain('at 1732662000000 txnTime 20270101003005');
  });
  it('masks spaced mobiles and redacts the digits after a secret written in free text', () => {
    const out = scrubText('call 138 0013 8000; cvv 739, CVV2: 739, sms code is 480615, 验证码：480615, 支付密码 246810, otp 112233');
    expect(out).not.toMatch(/0013|739|480615|246810|112233/);
    expect(out).toContain('138****8000');
    expect(out).toContain(`sms code is ${'[REDACTED]'}`);
  });
  it('leaves UUIDs whole, even all-decimal ones, and still masks a number or a secret beside them', () => {
    const ids = 'cardId 00000000-0000-4000-8000-00000000ffff binding 13800138-0001-4000-8000-138001380001';
    expect(scrubText(ids)).toBe(ids);
    const out = scrubText(
      'card 00000000-0000-4000-8000-000000000001 number 6222021234567890128 faceToken=00000000-0000-4000-8000-0000000000aa',
    );
    expect(out).toContain('card 00000000-0000-4000-8000-000000000001 number');
    expect(out).not.toContain('6222021234567890128');
    expect(out).toContain('faceToken=[REDACTED]');
  });
  it('leaves ordinary words and short numbers alone', () => {
    expect(scrubText('pinned 2 items; sms sent; password reset link; step 3 of 5')).toBe(
      'pinned 2 items; sms sent; password reset link; step 3 of 5',
    );
  });
  it('redacts secrets by key and masks sensitive keys in nested objects, without touching the original', () => {
    const input = {
      fields: {
        cvv2: '739',
        smsCode: '480615',
        cardNumber: '6253501234567897',
        residentId: '11010519491231002X',
        mobile: '13800138000',
        name: '张三',
      },
      note: ['cvv: 739'],
      amountFen: 100n,
    };
    const out = scrub(input);
    const text = JSON.stringify(out, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toMatch(/739|480615|6253501234567897|11010519491231002|13800138000/);
    expect(out.fields.cardNumber).toBe('**** 7897');
    expect(out.amountFen).toBe(100n);
    expect(input.fields.cvv2).toBe('739');
  });
  it('survives cycles and errors', () => {
    const a: Record<string, unknown> = { pan: '6253501234567897' };
    a.self = a;
    const out = scrub({ a, err: new Error('card 6253501234567897 declined') }) as unknown as Record<string, Record<string, unknown>>;
    expect(out.a.pan).toBe('**** 7897');
    expect(out.err.message).toBe('card **** 7897 declined');
  });
  it('masks cardholder names by key, wherever they sit', () => {
    const out = scrub({
      name: '张三',
      cardholderName: 'John Smith',
      bank_card: { holder_name: '李四', account_name: '王小明', card_number: '6253501234567897' },
      fields: { name: '欧阳娜娜', realName: '赵六', fullName: 'Ann Lee', customerName: '钱七' },
      merchantName: '上海超市',
    });
    expect(out).toEqual({
      name: '张*',
      cardholderName: 'J*** S****',
      bank_card: { holder_name: '李*', account_name: '王**', card_number: '**** 7897' },
      fields: { name: '欧***', realName: '赵*', fullName: 'A** L**', customerName: '钱*' },
      merchantName: '上海超市',
    });
  });
  it('wraps a logger', () => {
    const lines: unknown[] = [];
    const log = scrubbingLogger({ debug: () => {}, info: (m, d) => lines.push([m, d]), warn: () => {}, error: () => {} });
    log.info('binding 6253501234567897', { smsCode: '480615' });
    expect(JSON.stringify(lines)).not.toMatch(/6253501234567897|480615/);
  });
  it('wraps a logger that an adapter hands a bind request to', () => {
    const lines: unknown[] = [];
    const log = scrubbingLogger({ debug: (m, d) => lines.push([m, d]), info: () => {}, warn: () => {}, error: () => {} });
    log.debug('bind request', { bank_card: { name: '张三', id_card_number: '11010519491231002X' }, fields: { name: 'John Smith' } });
    expect(JSON.stringify(lines)).not.toMatch(/张三|John|Smith/);
    expect(JSON.stringify(lines)).toContain('张*');
  });
});
