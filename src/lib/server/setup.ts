import { config } from './config';
import { database, type Database } from './db';
import { migrate } from './db/migrate';
import { isEmpty, seedDemo, type DemoCredentials } from './demo/seed';

/**
 * Brings a database up to date and, when it is empty and the demo is enabled, seeds the demo.
 * Safe to run from several app servers at once (migrate holds a lock on PostgreSQL).
 */
export async function prepareDatabase(
	target?: Database
): Promise<{ database: Database; seeded: DemoCredentials | null }> {
	const cfg = config();
	const db = target ?? (await database());
	let seeded: DemoCredentials | null = null;
	await migrate(db, cfg.migrationsDir, async (handle) => {
		if (cfg.seedDemo && (await isEmpty(handle))) {
			seeded = await seedDemo(handle, { email: cfg.adminEmail, password: cfg.adminPassword });
		}
	});
	return { database: db, seeded };
}

/** Printed once, when the demo is created; the password is never stored in clear anywhere. */
export function announceDemo(credentials: DemoCredentials, origin: string): string {
	const lines = [
		'Heard demo organisation created.',
		`  Sign in at ${origin}/login`,
		`  E-mail:   ${credentials.email}`,
		credentials.password
			? `  Password: ${credentials.password}`
			: '  Password: (existing account, unchanged)',
		...(credentials.donor
			? [
					`  Donor (sees only the demo programme's published results): ${credentials.donor.email}`,
					`  Donor password: ${credentials.donor.password ?? '(existing account, unchanged)'}`
				]
			: []),
		'These passwords are shown only now. Change them under Account once signed in.'
	];
	return lines.join('\n');
}
