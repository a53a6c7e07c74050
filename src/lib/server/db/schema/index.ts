export * from './auth';
export * from './orgs';
export * from './audit';
export * from './system';
export * from './surveys';
export * from './responses';
export * from './sms';
export * from './programmes';
