export { wechatPayAdapter as default } from './src/wechat-pay.adapter';
