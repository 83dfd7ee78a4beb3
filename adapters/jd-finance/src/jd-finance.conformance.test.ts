import { describeConformance } from '../../testkit';
import adapter from '..';
import { jdFinanceExpectations } from './jd-finance.expectations';

describeConformance(adapter, jdFinanceExpectations);
