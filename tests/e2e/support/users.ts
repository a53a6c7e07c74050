export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Accounts the e2e server creates before starting (tests/e2e/support/server.ts). */
export const PASSWORD = 'correct-lantern-river-42';

export const USERS = {
	owner: { email: 'owner@e2e.test', org: 'demo', role: 'owner' },
	manager: { email: 'manager@e2e.test', org: 'demo', role: 'manager' },
	analyst: { email: 'analyst@e2e.test', org: 'demo', role: 'analyst' },
	donor: { email: 'donor@e2e.test', org: 'demo', role: 'donor' },
	/** Owner of another organisation only: must see nothing of `demo`. */
	outsider: { email: 'outsider@e2e.test', org: 'elsewhere', role: 'owner' },
	/** Used by the change-password test only, so other tests keep their password. */
	changer: { email: 'changer@e2e.test', org: 'demo', role: 'analyst' },
	/** Demoted and removed by the members test. */
	temp: { email: 'temp@e2e.test', org: 'demo', role: 'manager' }
} as const;

export type UserKey = keyof typeof USERS;
