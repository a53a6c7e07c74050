import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { responses, surveys, surveyVersions } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { DEMO_SURVEY } from '../demo/survey';
import { DEMO_ORG_SLUG, DEMO_SURVEY_NAME, seedDemo } from '../demo/seed';
import { translatorFor } from '../i18n';
import { findOrganisation } from '../orgs/service';
import { listSurveys } from '../surveys/service';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { allQuestions, textIn, type Instrument } from '../../survey/model';
import type { Answers } from '../../survey/relevance';
import { csvChunks, prepareResponsesExport, responsesCsv } from './responses';
import { collect, csvRecords, parseCsv } from './testing';
import { xlsxStream } from './xlsx';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let orgId: string;
let demoSurveyId: string;
let stored: { answers: Answers; submittedOn: string; channel: string; language: string }[];

/** A one-question survey whose answers name each response, to check paging row by row. */
const TAGGED: Instrument = {
	formId: 'tagged',
	languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
	defaultLanguage: 'en',
	title: { en: 'Tagged' },
	pages: [
		{
			id: 'p',
			name: 'p',
			label: { en: 'P' },
			questions: [
				{ id: 'tag', type: 'text', name: 'tag', label: { en: 'Tag' }, preferNotToSay: true },
				{ id: 'n', type: 'integer', name: 'n', label: { en: 'Number' }, preferNotToSay: true }
			]
		}
	],
	choiceLists: []
};
let taggedId: string;
const SAME_DAY = 2345;

beforeAll(async () => {
	await seedDemo(db, { password: 'correct horse battery staple' });
	orgId = (await findOrganisation(db, DEMO_ORG_SLUG))!.id;
	demoSurveyId = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!.id;
	stored = await db
		.select({
			answers: responses.answers,
			submittedOn: responses.submittedOn,
			channel: responses.channel,
			language: responses.language
		})
		.from(responses)
		.where(and(eq(responses.orgId, orgId), eq(responses.surveyId, demoSurveyId)));

	const [survey] = await db
		.insert(surveys)
		.values({ orgId, name: 'Tagged', draft: TAGGED })
		.returning({ id: surveys.id });
	taggedId = survey!.id;
	const [version] = await db
		.insert(surveyVersions)
		.values({ orgId, surveyId: taggedId, number: 1, instrument: TAGGED })
		.returning({ id: surveyVersions.id });
	const base = { orgId, surveyId: taggedId, versionId: version!.id, channel: 'web' as const };
	// Many responses on one day (paging must not rely on dates alone), a few either side.
	const rows = [
		...Array.from({ length: SAME_DAY }, (_, i) => ({
			...base,
			language: 'en',
			submittedOn: '2026-03-15',
			answers: { tag: `same-${i}`, n: String(i) }
		})),
		{ ...base, language: 'en', submittedOn: '2026-03-14', answers: { tag: 'before' } },
		{ ...base, language: 'en', submittedOn: '2026-03-16', answers: { tag: '=HYPERLINK("x")' } }
	];
	for (let i = 0; i < rows.length; i += 500)
		await db.insert(responses).values(rows.slice(i, i + 500));
}, 90_000);

async function demoCsv(lang: string, version?: number) {
	return collect(responsesCsv(db, orgId, demoSurveyId, { lang, uiLang: 'en', version }));
}

describe('the responses export of the demo survey', () => {
	it('has exactly one row per response, numbered in date order, with a byte order mark', async () => {
		const text = await demoCsv('fr');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = parseCsv(text);
		expect(stored.length).toBeGreaterThanOrEqual(2000);
		expect(rows).toHaveLength(stored.length);
		expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
		const days = rows.map((r) => r[1]!);
		expect(days).toEqual([...days].sort());
		expect(new Set(days)).toEqual(new Set(stored.map((s) => s.submittedOn)));
		// No id column: nothing in the file leads back to a row of the database.
		expect(header!.some((h) => /\bid\b/i.test(h))).toBe(false);
		expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
	});

	it('labels questions and choices in French, with the question name beside them', async () => {
		const fr = translatorFor('fr');
		const records = csvRecords(await demoCsv('fr'));
		const q = allQuestions(DEMO_SURVEY).find((x) => x.name === 'satisfaction')!;
		const header = `${textIn(q.label, 'fr', 'en')} (satisfaction)`;
		expect(Object.keys(records[0]!)).toContain(header);
		expect(Object.keys(records[0]!).slice(0, 5)).toEqual([
			fr('exports.responses.row'),
			fr('exports.responses.submittedOn'),
			fr('exports.responses.channel'),
			fr('exports.responses.language'),
			fr('exports.responses.version')
		]);
		const labels = new Set(
			DEMO_SURVEY.choiceLists
				.find((l) => l.name === q.listName)!
				.choices.map((c) => textIn(c.label, 'fr', 'en'))
		);
		const seen = new Set(records.map((r) => r[header]!));
		for (const value of seen)
			expect(labels.has(value) || value === '' || value === fr('exports.preferNotToSay')).toBe(
				true
			);
		expect(seen.has('Très satisfait(e)')).toBe(true);
		// Each stored answer is written as its own choice's label, row for row (same order).
		const ordered = [...stored].sort((a, b) => a.submittedOn.localeCompare(b.submittedOn));
		const byDay = (rows: { day: string; value: string }[]) =>
			rows.reduce<Record<string, string[]>>((acc, r) => {
				(acc[r.day] ??= []).push(r.value);
				return acc;
			}, {});
		const choice = (name: string | undefined) =>
			name === undefined
				? ''
				: name === PREFER_NOT_TO_SAY
					? fr('exports.preferNotToSay')
					: textIn(
							DEMO_SURVEY.choiceLists
								.find((l) => l.name === q.listName)!
								.choices.find((c) => c.name === name)!.label,
							'fr',
							'en'
						);
		const want = byDay(
			ordered.map((s) => ({
				day: s.submittedOn,
				value: choice(s.answers.satisfaction as string | undefined)
			}))
		);
		const got = byDay(
			records.map((r) => ({ day: r[fr('exports.responses.submittedOn')]!, value: r[header]! }))
		);
		for (const day of Object.keys(want)) expect(got[day]!.sort()).toEqual(want[day]!.sort());
	});

	it('splits the multi-select into 0/1 columns that count what was ticked', async () => {
		const records = csvRecords(await demoCsv('en'));
		const list = DEMO_SURVEY.choiceLists.find((l) => l.name === 'support')!;
		const q = allQuestions(DEMO_SURVEY).find((x) => x.name === 'support_received')!;
		for (const c of list.choices) {
			const header = `${textIn(q.label, 'en', 'en')}: ${textIn(c.label, 'en', 'en')} (support_received: ${c.name})`;
			const column = records.map((r) => r[header]);
			expect(
				column.every((v) => v !== undefined),
				header
			).toBe(true);
			const answered = stored.filter(
				(s) =>
					Array.isArray(s.answers.support_received) &&
					s.answers.support_received.length > 0 &&
					!s.answers.support_received.includes(PREFER_NOT_TO_SAY)
			);
			const ticked = answered.filter((s) =>
				(s.answers.support_received as string[]).includes(c.name)
			);
			expect(column.filter((v) => v === '1')).toHaveLength(ticked.length);
			expect(column.filter((v) => v === '0')).toHaveLength(answered.length - ticked.length);
			expect(ticked.length).toBeGreaterThan(0);
		}
	});

	it('refuses a version or a language the survey does not have', async () => {
		expect(
			await prepareResponsesExport(db, orgId, demoSurveyId, { uiLang: 'en', version: 9 })
		).toEqual({ ok: false, error: 'notFound' });
		expect(
			await prepareResponsesExport(db, orgId, demoSurveyId, { uiLang: 'en', lang: 'ru' })
		).toEqual({ ok: false, error: 'language' });
		const v1 = await prepareResponsesExport(db, orgId, demoSurveyId, { uiLang: 'fr', version: 1 });
		expect(v1.ok && v1.export.total).toBe(stored.length);
		// The interface language is the default when the survey has it.
		expect(v1.ok && v1.export.lang).toBe('fr');
	});

	it('finds nothing of another organisation', async () => {
		const other = await prepareResponsesExport(
			db,
			'00000000-0000-4000-8000-000000000000',
			demoSurveyId,
			{ uiLang: 'en' }
		);
		expect(other.ok && other.export.total).toBe(0);
		expect(other.ok && other.export.columns).toHaveLength(5);
		const rows = parseCsv(
			await collect(
				csvChunks((other as { ok: true; export: Parameters<typeof csvChunks>[0] }).export)
			)
		);
		expect(rows).toHaveLength(1);
	});
});

describe('keyset paging', () => {
	async function tags(pageSize?: number) {
		const prepared = await prepareResponsesExport(db, orgId, taggedId, { uiLang: 'en', pageSize });
		if (!prepared.ok) throw new Error(prepared.error);
		return csvRecords(await collect(csvChunks(prepared.export))).map((r) => r['Tag (tag)']!);
	}

	it.each([undefined, 1000, 7, 2345, 2346, 2347])(
		'reads every response once (page size %s)',
		async (pageSize) => {
			const got = await tags(pageSize);
			expect(got).toHaveLength(SAME_DAY + 2);
			expect(new Set(got).size).toBe(SAME_DAY + 2);
			expect(got[0]).toBe('before');
			expect(got.at(-1)).toBe(`'=HYPERLINK("x")`);
			for (let i = 0; i < SAME_DAY; i++) expect(got).toContain(`same-${i}`);
		}
	);

	it('asks the database for one page at a time', async () => {
		const prepared = await prepareResponsesExport(db, orgId, taggedId, { uiLang: 'en' });
		if (!prepared.ok) throw new Error(prepared.error);
		const pages = prepared.export.pages();
		const first = await pages.next();
		expect(first.done).toBe(false);
		expect(first.value).toHaveLength(1000);
		await pages.return(undefined);
	});

	it('writes .xlsx with numbers as numbers, days as dates and formula-like text as text', async () => {
		const prepared = await prepareResponsesExport(db, orgId, taggedId, { uiLang: 'en' });
		if (!prepared.ok) throw new Error(prepared.error);
		const { columns, pages, sheetName } = prepared.export;
		const stream = await xlsxStream(sheetName, columns, pages());
		const chunks: Uint8Array[] = [];
		for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
		const { default: ExcelJS } = await import('exceljs');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			Buffer.concat(chunks) as unknown as Parameters<typeof workbook.xlsx.load>[0]
		);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('Responses');
		expect(sheet.rowCount).toBe(SAME_DAY + 3);
		expect(sheet.getRow(1).getCell(6).value).toBe('Tag (tag)');
		const row = sheet.getRow(3);
		expect(row.getCell(1).value).toBe(2);
		expect(row.getCell(2).value).toEqual(new Date('2026-03-15T00:00:00Z'));
		expect(typeof row.getCell(7).value).toBe('number');
		const last = sheet.getRow(SAME_DAY + 3);
		expect(last.getCell(6).value).toBe('=HYPERLINK("x")');
		expect(last.getCell(6).type).toBe(ExcelJS.ValueType.String);
	});
});
