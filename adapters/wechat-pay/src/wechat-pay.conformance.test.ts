import { describeConformance } from '../../testkit';
import adapter from '..';
import { wechatPayExpectations } from './wechat-pay.expectations';

describeConformance(adapter, wechatPayExpectations);
