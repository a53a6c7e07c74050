/**
 * Heard's command line: `npm run heard -- <command> [options]`.
 * Later issues add commands to COMMANDS below; `--help` lists them all.
 */
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config';
import { closeDatabase, database } from '../src/lib/server/db';
import { migrate } from '../src/lib/server/db/migrate';
import { seedDemo } from '../src/lib/server/demo/seed';
import { announceDemo } from '../src/lib/server/setup';
import { createMember } from '../src/lib/server/orgs/cli';
import { exportCommand, importCommand } from '../src/lib/server/surveys/cli';

interface Command {
	summary: string;
	usage: string;
	run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
	migrate: {
		summary: 'Apply pending database migrations.',
		usage: 'migrate',
		async run() {
			await migrate(await database(), config().migrationsDir);
			console.log('Migrations applied.');
			return 0;
		}
	},
	'seed-demo': {
		summary: 'Create the demo organisation and its sign-in (ADMIN_EMAIL / ADMIN_PASSWORD if set).',
		usage: 'seed-demo',
		async run() {
			const cfg = config();
			let credentials;
			await migrate(await database(), cfg.migrationsDir, async (db) => {
				credentials = await seedDemo(db, { email: cfg.adminEmail, password: cfg.adminPassword });
			});
			if (credentials) console.log(announceDemo(credentials, cfg.origin));
			return 0;
		}
	},
	'create-user': {
		summary: 'Create an account (or reuse it) and give it a role in an organisation.',
		usage:
			'create-user --email E --password P --org SLUG --role owner|manager|analyst|donor [--name N]',
		async run(args) {
			const { values } = parseArgs({
				args,
				options: {
					email: { type: 'string' },
					password: { type: 'string' },
					org: { type: 'string' },
					role: { type: 'string' },
					name: { type: 'string' }
				}
			});
			const db = await database();
			await migrate(db, config().migrationsDir);
			const result = await createMember(db.db, values);
			if (!result.ok) {
				console.error(result.message);
				return 2;
			}
			console.log(result.message);
			return 0;
		}
	}
};

COMMANDS['import-xlsform'] = {
	summary: 'Import an XLSForm (.xlsx) as a new survey draft; prints the new survey id.',
	usage: 'import-xlsform FILE.xlsx --org SLUG [--name NAME]',
	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { org: { type: 'string' }, name: { type: 'string' } }
		});
		const db = await database();
		await migrate(db, config().migrationsDir);
		return importCommand(db.db, { file: positionals[0], ...values });
	}
};

COMMANDS['export-xlsform'] = {
	summary: 'Export a survey (latest published version, or --version N, or --draft) as XLSForm.',
	usage: 'export-xlsform SURVEY_ID --out FILE.xlsx [--version N | --draft]',
	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { out: { type: 'string' }, version: { type: 'string' }, draft: { type: 'boolean' } }
		});
		const db = await database();
		await migrate(db, config().migrationsDir);
		return exportCommand(db.db, { surveyId: positionals[0], ...values });
	}
};

function help(): string {
	const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
	return [
		'Usage: npm run heard -- <command> [options]',
		'',
		'Commands:',
		...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
		'',
		'Options per command:',
		...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
		'',
		'Environment: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).'
	].join('\n');
}

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(help());
		return 0;
	}
	const command = COMMANDS[name];
	if (!command) {
		console.error(`Unknown command "${name}".\n\n${help()}`);
		return 2;
	}
	try {
		return await command.run(rest);
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		return 1;
	} finally {
		await closeDatabase();
	}
}

process.exitCode = await main(process.argv.slice(2));
