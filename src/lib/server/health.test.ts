import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth } from './health';
import { closeDatabase } from './db';

const saved = process.env.DATABASE_URL;
afterEach(async () => {
	await closeDatabase();
	process.env.DATABASE_URL = saved;
});

describe('checkHealth', () => {
	it('reports a PostgreSQL that does not answer as unhealthy, quickly', async () => {
		await closeDatabase();
		// Port 9 (discard) has no PostgreSQL: connection refused.
		process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:9/none';
		const started = performance.now();
		const health = await checkHealth(1000);
		expect(health).toEqual({ ok: false, database: 'postgresql' });
		expect(performance.now() - started).toBeLessThan(6000);
	});
});
