export { jdFinanceAdapter as default } from './src/jd-finance.adapter';
