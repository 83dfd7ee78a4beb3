export * from './contract';
export * from './money';
export * from './canonical-errors';
export * from './registry';
