export { unionPayAdapter as default } from './src/unionpay.adapter';
