export { __CAMEL__Adapter as default, create__PASCAL__Adapter as createAdapter } from './src/__ID__.adapter';
export type { __PASCAL__Options } from './src/__ID__.options';
