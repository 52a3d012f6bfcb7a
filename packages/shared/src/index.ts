export * from './permissions';
export * from './phone';
export * from './estate';
