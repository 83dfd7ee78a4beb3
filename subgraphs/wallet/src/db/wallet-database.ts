import { CardBindingEntity } from './entities/card-binding.entity';
import { WalletAccountEntity } from './entities/wallet-account.entity';
import { CreateWalletTables1764115200001 } from './migrations/1764115200001-CreateWalletTables';

export const WALLET_SCHEMA = 'wallet';
export const walletEntities = [WalletAccountEntity, CardBindingEntity];
export const walletMigrations = [CreateWalletTables1764115200001];
