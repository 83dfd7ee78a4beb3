export * from './src/manual-clock';
export * from './src/recording-logger';
export * from './src/limit-ledger';
export * from './src/platform-simulator';
export * from './src/output-capture';
export * from './src/test-data';
export * from './src/conformance';
export * from './src/describe-conformance';
