import { describeConformance } from '@cardweave/adapter-testkit';
import adapter from '..';
import { unionPayExpectations } from './unionpay.expectations';

describeConformance(adapter, unionPayExpectations);
