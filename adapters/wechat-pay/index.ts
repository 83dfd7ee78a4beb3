export { wechatPayAdapter as default, createWechatPayAdapter as createAdapter } from './src/wechat-pay.adapter';
export type { WechatPayOptions } from './src/wechat-pay.options';
