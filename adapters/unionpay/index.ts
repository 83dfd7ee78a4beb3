export { unionPayAdapter as default, createUnionPayAdapter as createAdapter } from './src/unionpay.adapter';
export type { UnionPayOptions } from './src/unionpay.options';
