/**
 * A wallet cannot take a repayment: WeChat Pay shows the card but repaying happens only at
 * the issuer (PLATFORMS.md §1, §4). An attempt through a wallet is refused with the
 * canonical REPAYMENT_NOT_SUPPORTED and the remedy REPAY_AT_ISSUER, naming the issuer and
 * its repayment channel from the issuer adapter's declaration. Nothing is recorded and
 * no money moves, so the same key may be sent any number of times.
 */
import type { PlatformAdapter } from '@cardweave/adapter-sdk';
import { assertCanActForCustomer, requireId, graphqlError } from '@cardweave/service-kit';
import type { CanonicalErrorModel, LocalizedTextModel, PlatformModel } from '@cardweave/subgraph-kit';
import { localized, platformOf } from '@cardweave/subgraph-kit';
import type { WalletContext } from '../context';

export interface WalletRepaymentOutcome {
  ok: false;
  error: CanonicalErrorModel;
  repayAt: { platform: PlatformModel; channel: LocalizedTextModel } | null;
}

export async function repayThroughWallet(
  ctx: WalletContext & { identity?: import('@cardweave/service-kit').Identity | null },
  input: { customerId: string; walletPlatform: string },
): Promise<WalletRepaymentOutcome> {
  const customerId = requireId(input.customerId, 'customerId');
  assertCanActForCustomer(ctx, customerId, 'customer', 'customerId');
  if (!ctx.registry.has(input.walletPlatform) || ctx.registry.get(input.walletPlatform).manifest.role !== 'wallet') {
    throw graphqlError('BAD_USER_INPUT', `no wallet platform "${input.walletPlatform}"`, { field: 'walletPlatform' });
  }
  const wallet = ctx.registry.get(input.walletPlatform);
  // Only one issuer serves this program; with several, the card's issuer would be asked for.
  const issuers = ctx.registry.byRole('issuer');
  const issuer: PlatformAdapter | undefined = issuers.length === 1 ? issuers[0] : undefined;
  const row = wallet.errors.find((r) => r.code === 'REPAYMENT_NOT_SUPPORTED');
  const where = issuer?.issuerTerms?.repaymentChannel ?? issuer?.manifest.displayName ?? { 'zh-CN': '发卡机构', en: 'the card issuer' };
  const walletName = wallet.manifest.displayName;
  return {
    ok: false,
    error: {
      code: 'REPAYMENT_NOT_SUPPORTED',
      platform: wallet.manifest.id,
      platformCode: row?.platformCode ?? 'REPAYMENT_NOT_SUPPORTED',
      platformMessage: row?.platformMessage ?? '不支持还款',
      decision: 'USER_ACTION',
      remedy: 'REPAY_AT_ISSUER',
      message: {
        zhCN: `${walletName['zh-CN']}不支持还款，请在${where['zh-CN']}还款`,
        en: `${walletName.en} cannot take repayments; repay in ${where.en}`,
      },
    },
    repayAt: issuer?.issuerTerms ? { platform: platformOf(issuer), channel: localized(issuer.issuerTerms.repaymentChannel) } : null,
  };
}
