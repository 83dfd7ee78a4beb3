/** Log lines of bind requests: the cardholder's name comes out masked, however it was handed in. */
import { setLogSink, writeLog } from './json-log';

function logged(fields: Record<string, unknown>): string {
  const lines: string[] = [];
  const previous = setLogSink((line) => lines.push(line));
  try {
    writeLog('warn', 'wallet', 'request', fields);
  } finally {
    setLogSink(previous);
  }
  return lines.join('\n');
}

describe('writeLog', () => {
  it("masks a bind request's cardholder name given as a verification field", () => {
    const line = logged({
      variables: {
        input: {
          walletPlatform: 'wechat-pay',
          fields: [
            { name: 'name', value: '张三' },
            { name: 'mobile', value: '13800138000' },
            { name: 'smsCode', value: '246810' },
          ],
        },
      },
    });
    expect(line).not.toContain('张三');
    expect(line).toContain('"name":"张*"');
    // Each field still says which field it was.
    expect(line).toContain('"field":"smsCode"');
    expect(line).not.toContain('246810');
  });

  it('masks a Latin cardholder name by its key', () => {
    const line = logged({ request: { cardholderName: 'John Smith', holderName: 'Mary Jones' } });
    expect(line).not.toMatch(/John|Smith|Mary|Jones/);
    expect(line).toContain('J*** S****');
  });
});
