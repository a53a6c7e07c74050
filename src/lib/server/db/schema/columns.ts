import { uuid } from 'drizzle-orm/pg-core';
import { organisations } from './orgs';

/**
 * The organisation every tenant-scoped row belongs to; deleting an organisation deletes its
 * rows. Shared so each table states its scope the same way.
 */
export const orgIdColumn = () =>
	uuid()
		.notNull()
		.references(() => organisations.id, { onDelete: 'cascade' });
