import { describeConformance } from '__TESTKIT__';
import adapter from '../index';
import { __CAMEL__Expectations } from './__ID__.expectations';

describeConformance(adapter, __CAMEL__Expectations);
