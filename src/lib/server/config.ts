import path from 'node:path';

/**
 * Process configuration, read from the environment at call time. Server code uses this instead
 * of `$env` so the same modules run in SvelteKit, the CLI, tests and benchmarks.
 */
export function config() {
	const port = Number(process.env.PORT ?? 3000);
	return {
		port,
		databaseUrl: process.env.DATABASE_URL || undefined,
		dataDir: path.resolve(process.env.DATA_DIR || 'data'),
		origin: process.env.ORIGIN || `http://localhost:${port}`,
		migrationsDir: path.resolve(process.env.MIGRATIONS_DIR || 'drizzle'),
		appSecret: process.env.APP_SECRET || undefined,
		seedDemo: !['0', 'false', 'no'].includes((process.env.SEED_DEMO ?? 'true').toLowerCase()),
		adminEmail: process.env.ADMIN_EMAIL || undefined,
		adminPassword: process.env.ADMIN_PASSWORD || undefined,
		/**
		 * Per survey link and minute: new respondent drafts, and completed submissions, each. Shared
		 * by all app servers (kept in the database).
		 */
		respondLimitPerMinute: positiveInt(process.env.RESPOND_LIMIT_PER_MINUTE, 300)
	};
}

function positiveInt(raw: string | undefined, fallback: number): number {
	const n = Number(raw);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}
