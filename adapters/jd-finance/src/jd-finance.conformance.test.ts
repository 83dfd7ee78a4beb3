import { describeConformance } from '@cardweave/adapter-testkit';
import adapter from '..';
import { jdFinanceExpectations } from './jd-finance.expectations';

describeConformance(adapter, jdFinanceExpectations);
