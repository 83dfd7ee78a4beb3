import { describeConformance } from '@cardweave/adapter-testkit';
import adapter from '..';
import { wechatPayExpectations } from './wechat-pay.expectations';

describeConformance(adapter, wechatPayExpectations);
