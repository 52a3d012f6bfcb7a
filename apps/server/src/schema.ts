// The one Drizzle schema: drizzle-kit reads this file to generate the migration folder.

<<<<<<< HEAD
export * from './modules/billing/collection-schema';
=======
export * from './modules/billing/payments-schema';
>>>>>>> h-bill-pay
export * from './modules/billing/schema';
export * from './modules/broadcasts/schema';
export * from './modules/callbacks/schema';
export * from './modules/complaints/schema';
export * from './modules/delivery/schema';
export * from './modules/dispatch/schema';
export * from './modules/imports/schema';
export * from './modules/incidents/schema';
export * from './modules/ivr/schema';
export * from './modules/knowledge/schema';
export * from './modules/mail/schema';
export * from './modules/notices/schema';
export * from './modules/notifications/schema';
export * from './modules/org/schema';
export * from './modules/portal/schema';
export * from './modules/quality/schema';
export * from './modules/reports/schema';
export * from './modules/residents/schema';
export * from './modules/sla/schema';
export * from './modules/telephony/schema';
export * from './modules/tickets/schema';
export * from './modules/uploads/schema';
export * from './modules/workorders/schema';
export * from './platform/auth/schema';
export * from './platform/events/schema';
export * from './platform/jobs/schema';
export * from './platform/settings/schema';
