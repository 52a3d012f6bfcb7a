/** The answers of the API, per domain: the server's route `response` schemas and the console's types. */
export * from './common';
export * from './delivery';
export * from './dispatch';
export * from './estate';
export * from './imports';
export * from './incidents';
export * from './knowledge';
export * from './notices';
export * from './platform';
export * from './portal';
export * from './residents';
export * from './sla';
export * from './sla-clocks';
export * from './staff';
export * from './telephony';
export * from './tickets';
export * from './work-orders';
