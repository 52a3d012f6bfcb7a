import { createPostgresTemplate, POSTGRES_TEMPLATE_ENV } from './migrated-template';

/** Migrates one PostgreSQL database for the whole PostgreSQL run (migrated-template.ts says why). */
export default async function setup() {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL suite');
  const template = await createPostgresTemplate(base);
  process.env[POSTGRES_TEMPLATE_ENV] = template.name;
  return template.drop;
}
