export { jdFinanceAdapter as default, createJdFinanceAdapter as createAdapter } from './src/jd-finance.adapter';
export type { JdFinanceOptions } from './src/jd-finance.options';
