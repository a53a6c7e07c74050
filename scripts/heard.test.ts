import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

async function heard(args: string[], env: Record<string, string> = {}) {
	try {
		const { stdout, stderr } = await run(TSX, ['scripts/heard.ts', ...args], {
			env: { ...process.env, DATABASE_URL: '', ...env },
			timeout: 60_000
		});
		return { code: 0, stdout, stderr };
	} catch (e) {
		const error = e as { code: number; stdout: string; stderr: string };
		return { code: error.code, stdout: error.stdout, stderr: error.stderr };
	}
}

describe('npm run heard', () => {
	it('--help lists every command', async () => {
		const { code, stdout } = await heard(['--help']);
		expect(code).toBe(0);
		for (const command of ['migrate', 'seed-demo', 'create-user'])
			expect(stdout).toContain(command);
	});

	it('refuses an unknown command with exit code 2', async () => {
		const { code, stderr } = await heard(['frobnicate']);
		expect(code).toBe(2);
		expect(stderr).toContain('Unknown command "frobnicate"');
	});

	it('create-user creates the organisation and explains bad options', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-cli-'));
		const env = { DATA_DIR: path.join(dir, 'data'), SEED_DEMO: 'false' };
		try {
			const bad = await heard(
				[
					'create-user',
					'--email',
					'x@y.org',
					'--password',
					'p',
					'--org',
					'ngo-one',
					'--role',
					'boss'
				],
				env
			);
			expect(bad.code).toBe(2);
			expect(bad.stderr).toContain('--role');
			const good = await heard(
				[
					'create-user',
					'--email',
					'Lead@Example.org',
					'--password',
					'a-sufficiently-long-phrase',
					'--org',
					'ngo-one',
					'--role',
					'manager'
				],
				env
			);
			expect(good.code).toBe(0);
			expect(good.stdout).toContain('lead@example.org is manager of ngo-one');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('npm run heard -- import-xlsform / export-xlsform', () => {
	it('exports the demo survey and imports it back as a new survey', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-cli-xls-'));
		const env = {
			DATA_DIR: path.join(dir, 'data'),
			ADMIN_EMAIL: 'cli@example.org',
			ADMIN_PASSWORD: 'a-sufficiently-long-phrase'
		};
		try {
			expect((await heard(['seed-demo'], env)).code).toBe(0);
			const missing = await heard(['export-xlsform', 'not-an-id', '--out', 'x.xlsx'], env);
			expect(missing.code).toBe(2);
			const file = path.join(dir, 'demo.xlsx');
			const { PGlite } = await import('@electric-sql/pglite');
			const pg = await PGlite.create({ dataDir: env.DATA_DIR });
			const { rows } = await pg.query<{ id: string }>('select id from surveys limit 1');
			await pg.close();
			const exported = await heard(['export-xlsform', rows[0]!.id, '--out', file], env);
			expect(exported.code).toBe(0);
			expect(fs.statSync(file).size).toBeGreaterThan(5000);
			const imported = await heard(['import-xlsform', file, '--org', 'demo'], env);
			expect(imported.code).toBe(0);
			expect(imported.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
			const refused = await heard(['import-xlsform', file, '--org', 'no-such-org'], env);
			expect(refused.code).toBe(2);
			expect(refused.stderr).toContain('no-such-org');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
