export * from './delivery';
export * from './estate';
export * from './notices';
export * from './permissions';
export * from './phone';
export * from './tickets';
export * from './time-format';
export * from './zoned';
