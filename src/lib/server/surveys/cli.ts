import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { surveys, surveyVersions } from '../db/schema';
import { findOrganisation } from '../orgs/service';
import { createSurvey } from './service';
import { exportXlsForm, readXlsForm, xlsformFileName } from './xlsform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `import-xlsform FILE --org SLUG`: prints the new survey's id; every problem on failure. */
export async function importCommand(
	db: Db,
	options: { file?: string; org?: string; name?: string }
): Promise<number> {
	if (!options.file || !options.org) {
		console.error('Usage: import-xlsform FILE.xlsx --org SLUG [--name NAME]');
		return 2;
	}
	if (!fs.existsSync(options.file)) {
		console.error(`No such file: ${options.file}`);
		return 2;
	}
	const org = await findOrganisation(db, options.org);
	if (!org) {
		console.error(`No organisation with the slug "${options.org}".`);
		return 2;
	}
	const result = await readXlsForm(new Uint8Array(fs.readFileSync(options.file)));
	if (!result.ok) {
		console.error(`Not imported: ${result.errors.length} problem(s).`);
		for (const e of result.errors)
			console.error(
				`  ${e.sheet}${e.row ? ` row ${e.row}` : ''}${e.column ? ` [${e.column}]` : ''}: ${e.message}`
			);
		return 1;
	}
	const name = options.name ?? path.basename(options.file).replace(/\.xlsx$/i, '');
	const survey = await createSurvey(db, null, org.id, { name, instrument: result.instrument });
	console.log(survey.id);
	return 0;
}

/** `export-xlsform SURVEY_ID --out FILE`: the latest published version unless told otherwise. */
export async function exportCommand(
	db: Db,
	options: { surveyId?: string; out?: string; version?: string; draft?: boolean }
): Promise<number> {
	if (!options.surveyId || !UUID.test(options.surveyId) || !options.out) {
		console.error('Usage: export-xlsform SURVEY_ID --out FILE.xlsx [--version N | --draft]');
		return 2;
	}
	const [survey] = await db.select().from(surveys).where(eq(surveys.id, options.surveyId));
	if (!survey) {
		console.error(`No survey with the id ${options.surveyId}.`);
		return 2;
	}
	let instrument = survey.draft;
	let label: number | 'draft' = 'draft';
	if (!options.draft) {
		const wanted = options.version ? Number(options.version) : undefined;
		if (options.version && !Number.isInteger(wanted)) {
			console.error('--version takes a whole number.');
			return 2;
		}
		const [version] = await db
			.select()
			.from(surveyVersions)
			.where(
				and(
					eq(surveyVersions.surveyId, survey.id),
					wanted ? eq(surveyVersions.number, wanted) : undefined
				)
			)
			.orderBy(desc(surveyVersions.number))
			.limit(1);
		if (!version) {
			console.error(
				wanted ? `Version ${wanted} does not exist.` : 'Nothing published yet; use --draft.'
			);
			return 2;
		}
		instrument = version.instrument;
		label = version.number;
	}
	fs.writeFileSync(options.out, await exportXlsForm(instrument));
	console.log(`${options.out} (${xlsformFileName(instrument, label)})`);
	return 0;
}
