import { describeConformance } from '../../testkit';
import adapter from '..';
import { unionPayExpectations } from './unionpay.expectations';

describeConformance(adapter, unionPayExpectations);
