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

  it("derives a card's CVV2 from its number and expiry with the vault's key, never from anything stored", () => {
    const cvv2 = vault.cardVerificationValue('6253501234567897', '2031-11-30');
    expect(cvv2).toMatch(/^\d{3}$/);
    expect(vault.cardVerificationValue('6253501234567897', '2031-11-30')).toBe(cvv2);
    const others = ['6253501234567905', '6253501234567913', '6253501234567921'].map((n) => vault.cardVerificationValue(n, '2031-11-30'));
    expect(new Set([cvv2, ...others]).size).toBeGreaterThan(1);
    const otherKey = PanVault.fromKey(randomBytes(32));
    const underOtherKeys = Array.from({ length: 4 }, () =>
      PanVault.fromKey(randomBytes(32)).cardVerificationValue('6253501234567897', '2031-11-30'),
    );
    expect(new Set([cvv2, otherKey.cardVerificationValue('6253501234567897', '2031-11-30'), ...underOtherKeys]).size).toBeGreaterThan(1);
  });

  it('masks all but BIN and last four', () => {
    expect(maskCardNumber('625350', '7890')).toBe('6253 50•• •••• 7890');
  });
});
