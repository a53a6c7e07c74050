import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Organisation } from '../db/schema';
import { rows, useTestDatabase, wholeDatabaseText } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { createSurvey, publishSurvey } from '../surveys/service';
import { actions, view, type RespondentView } from './flow';
import { RESPONDENT_COOKIE } from './http';
import { createLink, generateCodes, type Entry } from './service';

/**
 * The respondent flow end to end on the database, driven as the routes drive it: what is
 * stored at each step, and — above all — what is not.
 */

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation } = fixtures(() => db);

const USER_AGENT = 'Mozilla/5.0 (Linux; Android 9; SM-J260F) ProbeAgent/77.1';
const ADDRESS = '203.0.113.77';

let owner: Actor;
let org: Organisation;
let surveyId: string;
let slug: string;

beforeAll(async () => {
	owner = await person('flow-owner');
	org = await organisation('flow', owner);
	const survey = await createSurvey(db, owner, org.id, { name: 'Flow', instrument: DEMO_SURVEY });
	expect(await publishSurvey(db, owner, org.id, survey.id)).toMatchObject({ ok: true });
	surveyId = survey.id;
	slug = (await createLink(db, owner, org.id, surveyId)).slug;
});

afterEach(() => {
	delete process.env.RESPOND_LIMIT_PER_MINUTE;
});

/** One browser: its cookie jar, and requests shaped as a phone would send them. */
function browser(entry: Entry) {
	const jar = new Map<string, string>();
	const path = entry.kind === 'link' ? `/s/${entry.slug}` : `/i/${entry.code}`;
	const event = (method: 'GET' | 'POST', search = '', form?: Record<string, string | string[]>) => {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(form ?? {}))
			for (const v of [value].flat()) body.append(key, v);
		const url = new URL(`http://localhost${path}${search}`);
		const request = new Request(url, {
			method,
			body: method === 'POST' ? body.toString() : undefined,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				'user-agent': USER_AGENT,
				'x-forwarded-for': ADDRESS,
				'accept-language': 'en'
			}
		});
		// A request carries the cookies the browser had when it was sent.
		const sent = new Map(jar);
		return {
			url,
			request,
			params: entry.kind === 'link' ? { slug: entry.slug } : { code: entry.code },
			locals: { db },
			getClientAddress: () => ADDRESS,
			cookies: {
				get: (name: string) => sent.get(name),
				set: (name: string, value: string) => void jar.set(name, value),
				delete: (name: string) => void jar.delete(name)
			}
		} as unknown as RequestEvent;
	};
	const act = actions(
		() => entry,
		() => path
	);
	/** Runs an action; a redirect is an outcome, not an error. */
	const post = async (name: keyof typeof act, form: Record<string, string | string[]>) => {
		try {
			const result = await act[name](event('POST', '', form));
			if (isActionFailure(result)) return { status: result.status, data: result.data };
			return { status: 200, data: result };
		} catch (e) {
			if (isRedirect(e)) return { status: e.status, location: e.location };
			throw e;
		}
	};
	return {
		jar,
		post,
		get: (search = '') => view(event('GET', search), entry)
	};
}

type Page = Extract<RespondentView, { kind: 'page' }>;

/** Hidden fields of the page as rendered, plus the answers given. */
function pageForm(page: Page, answers: Record<string, string | string[]> = {}) {
	return {
		_page: String(page.pageIndex),
		_lang: page.lang,
		_shown: page.questions
			.filter((q) => q.shown)
			.map((q) => q.name)
			.join(','),
		...answers
	};
}

const ANSWERS: Record<string, Record<string, string | string[]>> = {
	safety: { safety_check: 'yes' },
	intro: { consent: 'yes' },
	experience: { satisfaction: 'very_satisfied', support_received: ['housing', 'legal_help'] }
};

/** Walks from the language choice to the thank-you page; returns the final redirect. */
async function complete(b: ReturnType<typeof browser>, lang = 'en') {
	expect((await b.get()).kind).toBe('language');
	expect(await b.post('language', { lang })).toMatchObject({ status: 303 });
	for (let step = 0; step < 12; step++) {
		const page = (await b.get()) as Page;
		expect(page.kind).toBe('page');
		const name = DEMO_SURVEY.pages[page.pageIndex]!.name;
		const result = await b.post('next', pageForm(page, ANSWERS[name]));
		expect(result.status, JSON.stringify(result)).toBe(303);
		if ('location' in result && result.location!.includes('end=thanks')) return result;
	}
	throw new Error('never finished');
}

async function count(table: string): Promise<number> {
	const [row] = await rows<{ n: number }>(
		db.execute(sql.raw(`select count(*)::int as n from ${table} where survey_id = '${surveyId}'`))
	);
	return row!.n;
}

describe('the web flow on an open link', () => {
	it('stores one response with only survey, version, channel, language, date and answers', async () => {
		const before = await count('responses');
		const b = browser({ kind: 'link', slug });
		const done = await complete(b, 'fr');
		expect(done.location).toBe(`/s/${slug}?end=thanks&lang=fr`);
		expect(b.jar.has(RESPONDENT_COOKIE)).toBe(false);
		expect(await count('responses')).toBe(before + 1);
		expect(await count('response_drafts')).toBe(0);

		const [row] = await rows<Record<string, unknown>>(
			db.execute(
				sql`select * from responses where survey_id = ${surveyId} order by submitted_on desc limit 1`
			)
		);
		// The schema itself has nowhere to put an address, a device, a time of day or a code.
		expect(Object.keys(row!).sort()).toEqual(
			[
				'answers',
				'channel',
				'id',
				'language',
				'org_id',
				'submitted_on',
				'survey_id',
				'version_id'
			].sort()
		);
		expect(row).toMatchObject({ channel: 'web', language: 'fr', survey_id: surveyId });
		const [types] = await rows<{ t: string }>(
			db.execute(sql`select pg_typeof(submitted_on)::text as t from responses limit 1`)
		);
		expect(types!.t).toBe('date');
		expect(row!.answers).toMatchObject({
			safety_check: 'yes',
			consent: 'yes',
			satisfaction: 'very_satisfied',
			support_received: ['housing', 'legal_help']
		});
		const everything = await wholeDatabaseText(db);
		expect(everything).not.toContain(ADDRESS);
		expect(everything).not.toContain('ProbeAgent');
	});

	it('the end screen shows the help contacts in the respondent’s language', async () => {
		await db.execute(
			sql`update surveys set help_contacts = ${JSON.stringify({ en: 'Call 0800 000 000', fr: 'Appelez le 0800 000 000' })}::jsonb where id = ${surveyId}`
		);
		const b = browser({ kind: 'link', slug });
		const end = await b.get('?end=thanks&lang=fr');
		expect(end).toMatchObject({
			kind: 'end',
			ending: 'thanks',
			helpContacts: 'Appelez le 0800 000 000'
		});
	});

	it('"not now" and declined consent store nothing and end the draft', async () => {
		for (const [answers, ending] of [
			[{ safety_check: 'no' }, 'notNow'],
			[{ consent: 'no' }, 'declined']
		] as const) {
			const before = await count('responses');
			const b = browser({ kind: 'link', slug });
			await b.post('language', { lang: 'en' });
			let page = (await b.get()) as Page;
			if ('consent' in answers) {
				await b.post('next', pageForm(page, { safety_check: 'yes' }));
				page = (await b.get()) as Page;
			}
			const result = await b.post('next', pageForm(page, answers));
			expect(result).toMatchObject({ status: 303, location: `/s/${slug}?end=${ending}&lang=en` });
			expect(await count('response_drafts')).toBe(0);
			expect(await count('responses')).toBe(before);
		}
	});

	it('quick exit deletes the draft and answers with the organisation’s neutral site', async () => {
		const b = browser({ kind: 'link', slug });
		await b.post('language', { lang: 'en' });
		expect(await count('response_drafts')).toBe(1);
		expect(await b.post('exit', {})).toMatchObject({
			status: 200,
			data: { exit: 'https://www.wikipedia.org/' }
		});
		expect(await count('response_drafts')).toBe(0);
		expect(b.jar.has(RESPONDENT_COOKIE)).toBe(false);
	});

	it('a refused page keeps the draft where it was and says what is wrong', async () => {
		const b = browser({ kind: 'link', slug });
		await b.post('language', { lang: 'ar' });
		const page = (await b.get()) as Page;
		const result = await b.post('next', pageForm(page));
		expect(result).toMatchObject({ status: 400, data: { page: 0 } });
		expect(Object.keys((result.data as unknown as { errors: object }).errors)).toEqual([
			'safety_check'
		]);
		expect(((await b.get()) as Page).pageIndex).toBe(0);
		await b.post('exit', {});
	});

	it('a posted page that reveals a question on itself stays, then moves on', async () => {
		const b = browser({ kind: 'link', slug });
		await b.post('language', { lang: 'en' });
		for (const answers of [{ safety_check: 'yes' }, { consent: 'yes' }] as Record<string, string>[])
			await b.post('next', pageForm((await b.get()) as Page, answers));
		const page = (await b.get()) as Page;
		const negative = { satisfaction: 'not_very_satisfied' };
		expect(await b.post('next', pageForm(page, negative))).toMatchObject({
			status: 200,
			data: { revealed: true }
		});
		const again = (await b.get()) as Page;
		expect(again.pageIndex).toBe(page.pageIndex);
		expect(again.questions.find((q) => q.name === 'dissatisfaction_reasons')?.shown).toBe(true);
		expect(await b.post('next', pageForm(again, negative))).toMatchObject({ status: 303 });
		expect(((await b.get()) as Page).pageIndex).toBe(page.pageIndex + 1);
		await b.post('exit', {});
	});

	it('two final submissions at once store one response; both see the thank-you page', async () => {
		const b = browser({ kind: 'link', slug });
		await b.post('language', { lang: 'en' });
		let page = (await b.get()) as Page;
		while (!page.last) {
			const name = DEMO_SURVEY.pages[page.pageIndex]!.name;
			await b.post('next', pageForm(page, ANSWERS[name]));
			page = (await b.get()) as Page;
		}
		const before = await count('responses');
		const token = b.jar.get(RESPONDENT_COOKIE)!;
		const form = pageForm(page);
		const [first, second] = await Promise.all([
			b.post('next', form),
			(async () => {
				b.jar.set(RESPONDENT_COOKIE, token);
				return b.post('next', form);
			})()
		]);
		// A later retry with the same cookie, too.
		b.jar.set(RESPONDENT_COOKIE, token);
		const third = await b.post('next', form);
		for (const result of [first, second, third])
			expect(result).toMatchObject({ status: 303, location: `/s/${slug}?end=thanks&lang=en` });
		expect(await count('responses')).toBe(before + 1);
		expect(await count('response_drafts')).toBe(0);
	});

	it('new drafts per link are rate-limited, with the limit kept in the database', async () => {
		process.env.RESPOND_LIMIT_PER_MINUTE = '1';
		const own = (await createLink(db, owner, org.id, surveyId)).slug;
		const first = browser({ kind: 'link', slug: own });
		expect(await first.post('language', { lang: 'en' })).toMatchObject({ status: 303 });
		const second = browser({ kind: 'link', slug: own });
		expect(await second.post('language', { lang: 'en' })).toMatchObject({
			status: 429,
			data: { message: 'tooMany' }
		});
		expect(second.jar.has(RESPONDENT_COOKIE)).toBe(false);
		await first.post('exit', {});
	});

	it('posts that are not the survey’s own forms are refused, storing nothing', async () => {
		const b = browser({ kind: 'link', slug });
		expect(await b.post('language', { lang: 'xx' })).toMatchObject({ status: 400 });
		expect(await b.post('next', { _page: '99', _lang: 'en' })).toMatchObject({ status: 400 });
		expect(await b.post('next', { _page: 'x' })).toMatchObject({ status: 400 });
		expect(await count('response_drafts')).toBe(0);
	});
});

describe('the web flow with a single-use code', () => {
	it('completes once, marks the code used, and keeps no link from the response to it', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		const before = await count('responses');
		const done = await complete(browser({ kind: 'code', code: code! }));
		expect(done.location).toBe(`/i/${code}?end=thanks&lang=en`);
		expect(await count('responses')).toBe(before + 1);
		const [used] = await rows<{ used: boolean }>(
			db.execute(
				sql`select bool_and(used) as used from respondent_codes where survey_id = ${surveyId}`
			)
		);
		expect(used!.used).toBe(true);
		// Neither the code nor its hash is anywhere but in the codes table.
		const responsesText = (
			await rows<{ t: string }>(db.execute(sql`select r::text as t from responses r`))
		)
			.map((r) => r.t)
			.join('\n');
		const [hash] = await rows<{ code_hash: string }>(
			db.execute(sql`select code_hash from respondent_codes where survey_id = ${surveyId}`)
		);
		expect(responsesText).not.toContain(code!.replace('-', ''));
		expect(responsesText).not.toContain(hash!.code_hash);

		const again = browser({ kind: 'code', code: code! });
		expect(await again.get()).toMatchObject({ kind: 'message', message: 'codeUsed' });
		expect(await again.post('language', { lang: 'en' })).toMatchObject({
			status: 410,
			data: { message: 'codeUsed' }
		});
	});
});
