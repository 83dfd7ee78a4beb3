import { GraphQLError } from 'graphql';
import { canActForCustomer, requireId, graphqlError, notFound } from '@cardweave/service-kit';
import { canonicalErrorModel, deviceDecline, parseDevice, type Device } from '@cardweave/subgraph-kit';
import type { BindCardResultModel } from '../binding/card-binding-service';
import type { WalletContext } from '../context';
import type { Resolvers } from '../generated/resolvers-types';

function invalid(field: string, message: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** What both ways into a wallet (binding, push provisioning) check first: the key, the card id, the wallet. */
function checkWalletRequest(input: { idempotencyKey: string; cardId: string; walletPlatform: string }, ctx: WalletContext): string {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(input.idempotencyKey)) throw invalid('idempotencyKey', '8 to 64 letters, digits, - or _');
  const cardId = requireId(input.cardId, 'cardId');
  if (!ctx.registry.has(input.walletPlatform) || ctx.registry.get(input.walletPlatform).manifest.role !== 'wallet') {
    throw invalid('walletPlatform', 'not a wallet this system serves');
  }
  return cardId;
}

/**
 * Whose card it is, from the issuer (someone else's card is reported as unknown), and a device
 * the wallet cannot pay with, declined before any platform call: nothing bound, the key not spent.
 */
async function ownerOnDevice(
  ctx: WalletContext,
  cardId: string,
  walletPlatform: string,
  device: Device | null,
): Promise<{ owner: string; declined: BindCardResultModel | null }> {
  const owner = await ctx.cardOwners.load(cardId);
  if (!owner || !canActForCustomer(ctx, owner)) throw notFound('card', 'cardId');
  const unsupported = device ? deviceDecline(ctx.registry.get(walletPlatform), device, ctx.registry.byRole('wallet')) : null;
  return { owner, declined: unsupported ? { ok: false, bindingId: null, error: canonicalErrorModel(unsupported), fieldErrors: [] } : null };
}

export const bindingResolvers: Resolvers = {
  Mutation: {
    bindCard: async (_, { input }, ctx) => {
      const cardId = checkWalletRequest(input, ctx);
      if (input.fields.length > 10 || new Set(input.fields.map((f) => f.name)).size !== input.fields.length) {
        throw invalid('fields', 'each field once, at most 10');
      }
      const device = input.device ? parseDevice(input.device, 'device') : null;
      const { owner, declined } = await ownerOnDevice(ctx, cardId, input.walletPlatform, device);
      if (declined) return declined;
      return ctx.binding.bind(
        {
          idempotencyKey: input.idempotencyKey,
          cardId,
          walletPlatform: input.walletPlatform,
          fields: Object.fromEntries(input.fields.map((f) => [f.name, f.value])),
        },
        owner,
        ctx.identity ?? null,
      );
    },
    provisionCardToWallet: async (_, { input }, ctx) => {
      const cardId = checkWalletRequest(input, ctx);
      const device = input.device ? parseDevice(input.device, 'device') : null;
      const { owner, declined } = await ownerOnDevice(ctx, cardId, input.walletPlatform, device);
      if (declined) return declined;
      return ctx.binding.provision(
        { idempotencyKey: input.idempotencyKey, cardId, walletPlatform: input.walletPlatform },
        owner,
        ctx.identity ?? null,
      );
    },
  },
  BindCardResult: {
    binding: (result, _, ctx) => (result.bindingId ? ctx.loaders.bindingById.load(result.bindingId) : null),
  },
};
