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
import { findUserByEmail } from '../../../src/lib/server/auth/service';
import { findOrganisation } from '../../../src/lib/server/orgs/service';
import { createLink, generateCodes, setLinkStatus } from '../../../src/lib/server/respond/service';
import { listSurveys } from '../../../src/lib/server/surveys/service';
import { DEMO_SURVEY_NAME } from '../../../src/lib/server/demo/seed';
import { DEMO_PROGRAMME_NAME } from '../../../src/lib/server/demo/programme';
import { listProgrammes, setDonors } from '../../../src/lib/server/programmes/service';
import { RESPONDENT_FIXTURES, type RespondentFixtures } from './respondent';
import { prepareDatabase } from '../../../src/lib/server/setup';
import { PASSWORD, USERS } from './users';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-e2e-'));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = '';
// Invitations queued by the tests must never reach a real SMS provider.
process.env.SMS_WORKER = 'off';
process.env.ADMIN_EMAIL = USERS.owner.email;
process.env.ADMIN_PASSWORD = PASSWORD;

await prepareDatabase();
const db = (await database()).db;
for (const user of Object.values(USERS)) {
	if (user === USERS.owner) continue;
	const result = await createMember(db, { ...user, password: PASSWORD });
	if (!result.ok) throw new Error(result.message);
}
// Respondent tests get single-use codes and links in every state (codes are shown only once,
// so they are handed over in a file).
const org = (await findOrganisation(db, 'demo'))!;
const survey = (await listSurveys(db, org.id)).find((s) => s.name === DEMO_SURVEY_NAME)!;
const owner = (await findUserByEmail(db, USERS.owner.email))!;
const actor = { id: owner.id, email: owner.email };
const codes = await generateCodes(db, actor, org.id, survey.id, 12);
const paused = await createLink(db, actor, org.id, survey.id, { slug: 'pausedlink' });
await setLinkStatus(db, actor, org.id, paused.id, { status: 'paused' });
const closed = await createLink(db, actor, org.id, survey.id, { slug: 'closedlink' });
await setLinkStatus(db, actor, org.id, closed.id, { status: 'closed' });
// The donor account sees the demo programme (donors see only programmes they are attached to).
const donor = (await findUserByEmail(db, USERS.donor.email))!;
const programme = (await listProgrammes(db, org.id, { user: owner, role: 'owner' })).find(
	(p) => p.name === DEMO_PROGRAMME_NAME
)!;
await setDonors(db, actor, org.id, programme.id, [donor.id]);
fs.writeFileSync(RESPONDENT_FIXTURES, JSON.stringify({ codes } satisfies RespondentFixtures));
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
