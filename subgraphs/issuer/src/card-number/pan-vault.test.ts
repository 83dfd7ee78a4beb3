import { randomBytes } from 'node:crypto';
import { maskCardNumber, PanVault } from './pan-vault';

describe('PanVault', () => {
  const vault = PanVault.fromKey(randomBytes(32));

  it('round-trips a card number and never stores it in clear', () => {
    const sealed = vault.encrypt('6253501234567890');
    expect(sealed).not.toContain('6253501234567890');
    expect(vault.decrypt(sealed)).toBe('6253501234567890');
  });

  it('refuses ciphertext that was tampered with', () => {
    const parts = vault.encrypt('6253501234567890').split('.');
    parts[3] = Buffer.from('6253509999999999').toString('base64');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => PanVault.fromKey(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('masks all but BIN and last four', () => {
    expect(maskCardNumber('625350', '7890')).toBe('6253 50•• •••• 7890');
  });
});
