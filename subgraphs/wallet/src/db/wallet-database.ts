import { CardBindingEntity } from './entities/card-binding.entity';
import { PaymentEntity } from './entities/payment.entity';
import { WalletAccountEntity } from './entities/wallet-account.entity';
import { CreateWalletTables1764115200001 } from './migrations/1764115200001-CreateWalletTables';
import { CreatePayments1764116000002 } from './migrations/1764116000002-CreatePayments';

export const WALLET_SCHEMA = 'wallet';
export const walletEntities = [WalletAccountEntity, CardBindingEntity, PaymentEntity];
export const walletMigrations = [CreateWalletTables1764115200001, CreatePayments1764116000002];
