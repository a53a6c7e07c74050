/**
 * Starts Heard for the browser tests on a fresh embedded database with known accounts:
 * the demo seed (owner = USERS.owner) plus one account per role and an outsider organisation.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, database } from '../../../src/lib/server/db';
import { createMember } from '../../../src/lib/server/orgs/cli';
import { prepareDatabase } from '../../../src/lib/server/setup';
import { PASSWORD, USERS } from './users';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-e2e-'));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = '';
process.env.ADMIN_EMAIL = USERS.owner.email;
process.env.ADMIN_PASSWORD = PASSWORD;

await prepareDatabase();
const db = (await database()).db;
for (const user of Object.values(USERS)) {
	if (user === USERS.owner) continue;
	const result = await createMember(db, { ...user, password: PASSWORD });
	if (!result.ok) throw new Error(result.message);
}
await closeDatabase();

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
	env: { ...process.env, DATA_DIR: dataDir },
	stdio: 'inherit'
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
	fs.rmSync(dataDir, { recursive: true, force: true });
	process.exit(code ?? 0);
});
