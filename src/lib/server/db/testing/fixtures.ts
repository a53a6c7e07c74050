import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, users, type Organisation } from '../schema';
import { createOrganisation, type Actor } from '../../orgs/service';

/** Small builders shared by the database tests; `db` is read lazily (set in beforeAll). */
export function fixtures(db: () => Db) {
	let people = 0;
	return {
		/** An account inserted directly: these tests never sign in, so no slow password hash. */
		async person(name = 'person'): Promise<Actor> {
			const [user] = await db()
				.insert(users)
				.values({ email: `${name}${++people}@ngo.example`, passwordHash: 'unused' })
				.returning({ id: users.id, email: users.email });
			return user!;
		},
		async organisation(slug: string, owner?: Actor): Promise<Organisation> {
			const created = await createOrganisation(db(), { slug, name: `Org ${slug}` }, owner);
			if (!created.ok) throw new Error(created.error);
			return created.org;
		},
		auditOf(orgId: string, action: string) {
			return db()
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action)))
				.orderBy(auditEvents.id);
		}
	};
}
