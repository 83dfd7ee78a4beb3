import { describeConformance } from '../../testkit';
import adapter from '..';
import { quickPassExpectations } from './unionpay-quickpass.expectations';

describeConformance(adapter, quickPassExpectations);
