import { describeConformance } from '@cardweave/adapter-testkit';
import adapter from '..';
import { quickPassExpectations } from './unionpay-quickpass.expectations';

describeConformance(adapter, quickPassExpectations);
