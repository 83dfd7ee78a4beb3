export { quickPassAdapter as default, createQuickPassAdapter as createAdapter } from './src/unionpay-quickpass.adapter';
export type { QuickPassOptions } from './src/unionpay-quickpass.options';
