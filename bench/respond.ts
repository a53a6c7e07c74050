/**
 * The respondent side under load: the production server on PostgreSQL (loopback), driven by
 * autocannon. `npm run bench:respond` (builds first if needed). Prints figures; never fails on
 * them. About a minute.
 *
 *   renders      GET /s/demo: the language page, and a question page with a draft cookie
 *   submissions  the final POST of drafts prepared on the last page: each stores one response
 *                (checked afterwards by counting rows)
 *   walks        language + every page to the thank-you page, as a browser without JavaScript
 *                would send them (fetch, redirects followed by hand)
 *   weight       bytes on the wire of each page and everything it references
 *
 * BENCH_DATABASE_URL overrides the PostgreSQL server; DURATION (seconds per run) and
 * CONNECTIONS override the load; BENCH_CPU_PROF=1 writes a CPU profile of the server.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon, { type Request, type Result } from 'autocannon';
import { count, eq, inArray } from 'drizzle-orm';
import { generateToken, hashToken } from '../src/lib/server/auth/tokens';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { responseDrafts, responses } from '../src/lib/server/db/schema';
import { resolveLink, saveDraftAnswers, startDraft } from '../src/lib/server/respond/service';
import { checkAnswers, type RawValues } from '../src/lib/survey/answers';
import { PREFER_NOT_TO_SAY } from '../src/lib/survey/chrome';
import type { Question } from '../src/lib/survey/model';
import { relevanceOf } from '../src/lib/survey/relevance';
import { ensureBuild, PG_URL, ROOT, withServer } from './support/server';

const DB_NAME = 'heard_bench_respond';
const PORT = 3992;
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = 'demo';
const SURVEY = `/s/${SLUG}`;
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
/** Drafts ready on the last page; more than the server can complete in one run. */
const SUBMISSION_DRAFTS = Number(process.env.SUBMISSION_DRAFTS ?? 40_000);
/** Drafts whose question page the render run cycles through. */
const PAGE_DRAFTS = 500;
/** The question page of the render run: "treatment", five questions of five choices. */
const RENDER_PAGE = 3;
const WALKERS = 20;
const WALK_LIMIT = 2_000;
const RESPOND_LIMIT = '100000000';
const TARGET_BYTES = 60 * 1024;
const CPU_PROF_DIR = path.join(os.tmpdir(), 'heard-bench-respond-prof');
const AUTOCANNON_VERSION = (
	JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')) as {
		version: string;
	}
).version;

/** What a browser sends with a plain form post (see src/lib/server/csrf.ts). */
const FORM_HEADERS = {
	'content-type': 'application/x-www-form-urlencoded',
	accept: 'text/html',
	'sec-fetch-site': 'same-origin'
};

/** The server's process id, for its CPU share. */
let serverPid = 0;

ensureBuild();
await withServer(
	{
		name: DB_NAME,
		port: PORT,
		env: { RESPOND_LIMIT_PER_MINUTE: RESPOND_LIMIT },
		args: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []
	},
	async ({ databaseUrl, server }) => {
		serverPid = server.pid!;
		const database = await openDatabase({ url: databaseUrl, max: 4 });
		try {
			await run(database);
		} finally {
			await database.close();
		}
	}
);
if (process.env.BENCH_CPU_PROF) console.log(`\nServer CPU profile in ${CPU_PROF_DIR}`);

async function run(database: Database) {
	const db = database.db;
	const link = await resolveLink(db, SLUG);
	if (!link.ok) throw new Error(`the demo link does not open: ${link.error}`);
	const { orgId, surveyId, version } = link;
	const instrument = version.instrument;
	const questions = new Map(instrument.pages.flatMap((p) => p.questions).map((q) => [q.name, q]));
	const visible = relevanceOf(instrument);
	const lastPage = instrument.pages.length - 1;

	/** A valid answer; `variant` picks different choices, so some answers reveal questions. */
	function answerFor(q: Question, variant: number): string | string[] | undefined {
		const choices = instrument.choiceLists.find((l) => l.name === q.listName)?.choices ?? [];
		const choice = choices[variant % Math.max(choices.length, 1)]?.name;
		switch (q.type) {
			case 'safety_check':
			case 'consent':
				return 'yes';
			case 'select_one':
				return choice;
			case 'select_multiple':
				return choice ? [choice] : [];
			case 'range':
				return String(q.range ? q.range.start + q.range.step * (variant % 3) : 0);
			case 'integer':
			case 'decimal':
				return String(6 + (variant % 12));
			case 'text':
				return variant % 3 ? '' : 'Nothing to add.';
			case 'date':
				return '2026-01-15';
			default:
				return q.preferNotToSay ? PREFER_NOT_TO_SAY : undefined;
		}
	}

	/** Drafts in English on `page`, every earlier page answered: one made by the service, the rest copies. */
	async function draftsOn(page: number, n: number): Promise<string[]> {
		const raw: RawValues = {};
		for (const p of instrument.pages.slice(0, page))
			for (const q of p.questions) {
				if (!visible(checkAnswers(instrument, raw).answers).has(q.name)) continue;
				raw[q.name] = answerFor(q, 0);
			}
		const checked = checkAnswers(instrument, raw, { only: new Set(Object.keys(raw)) });
		if (checked.errors.length)
			throw new Error(`prepared answers refused: ${checked.errors[0]!.code}`);
		const first = await startDraft(db, {
			orgId,
			surveyId,
			versionId: version.id,
			language: 'en'
		});
		await saveDraftAnswers(db, first, { answers: checked.answers, page });
		const [template] = await db
			.select()
			.from(responseDrafts)
			.where(eq(responseDrafts.id, hashToken(first)));
		const tokens = [first, ...Array.from({ length: n - 1 }, generateToken)];
		for (let i = 1; i < tokens.length; i += 1000) {
			await db
				.insert(responseDrafts)
				.values(tokens.slice(i, i + 1000).map((t) => ({ ...template!, id: hashToken(t) })));
		}
		return tokens;
	}

	const prepared = performance.now();
	const finalDrafts = await draftsOn(lastPage, SUBMISSION_DRAFTS);
	const pageDrafts = await draftsOn(RENDER_PAGE, PAGE_DRAFTS);
	const oneOnEach = await Promise.all(instrument.pages.map((_, i) => draftsOn(i, 1)));
	const preparedMs = performance.now() - prepared;

	// The final page's form as the server renders it (a GET changes nothing).
	const finalForm = pageForm(await html(SURVEY, finalDrafts[0]));
	if (!finalForm || finalForm.page !== lastPage)
		throw new Error('the prepared draft is not on the last page');
	const finalBody = pageBody(finalForm, 0);

	/** What a person answering every shown question posts. */
	function pageBody(form: { page: number; shown: string[] }, variant: number): string {
		const body = new URLSearchParams({
			_page: String(form.page),
			_lang: 'en',
			_shown: form.shown.join(',')
		});
		for (const name of form.shown) {
			const q = questions.get(name);
			const answer = q && answerFor(q, variant);
			for (const value of answer === undefined ? [] : [answer].flat()) body.append(name, value);
		}
		return body.toString();
	}

	// ---- weight of each page, before any load ----
	const weights = [{ label: 'language choice (first page)', ...(await weigh(SURVEY)) }];
	for (const [i, tokens] of oneOnEach.entries()) {
		const page = instrument.pages[i]!;
		weights.push({ label: `page ${i + 1} "${page.name}"`, ...(await weigh(SURVEY, tokens[0])) });
	}

	// ---- warm-up: every route and action once through the JIT, not measured ----
	await walks(pageBody, 3, WALKERS);

	// ---- renders ----
	const languageCpu = cpuMeter();
	const languageRun = await cannon({ path: SURVEY, headers: { accept: 'text/html' } });
	const languageLoad = languageCpu(done(languageRun));
	let nextPageDraft = 0;
	const pageCpu = cpuMeter();
	const pageRun = await cannon({
		path: SURVEY,
		setupRequest: (request) => ({
			...request,
			headers: {
				...request.headers,
				accept: 'text/html',
				cookie: `r=${pageDrafts[nextPageDraft++ % pageDrafts.length]}`
			}
		})
	});
	const pageLoad = pageCpu(done(pageRun));

	// ---- final submissions: each request completes a different draft ----
	const [before] = await db.select({ n: count() }).from(responses);
	let nextDraft = 0;
	let thanks = 0;
	const submitCpu = cpuMeter();
	const submitRun = await cannon({
		method: 'POST',
		path: `${SURVEY}?/next`,
		body: finalBody,
		setupRequest: (request) => {
			// Out of drafts (a much faster server): harmless requests, counted as non-3xx.
			if (nextDraft >= finalDrafts.length)
				return { ...request, method: 'GET', path: '/healthz', body: undefined };
			return {
				...request,
				headers: { ...FORM_HEADERS, cookie: `r=${finalDrafts[nextDraft++]}` }
			};
		},
		onResponse: (status, _body, _context, headers) => {
			if (status === 303 && String(headers.location ?? '').includes('end=thanks')) thanks++;
		}
	});
	const submitLoad = submitCpu(done(submitRun));
	// Requests in flight when autocannon stops still complete on the server: wait for them.
	let stored = 0;
	for (let tries = 0, last = -1; tries < 50; tries++) {
		const [after] = await db.select({ n: count() }).from(responses);
		stored = after!.n - before!.n;
		if (stored === last) break;
		last = stored;
		await new Promise((r) => setTimeout(r, 200));
	}
	const used = finalDrafts.slice(0, nextDraft);
	let left = 0;
	for (let i = 0; i < used.length; i += 1000) {
		const [row] = await db
			.select({ n: count() })
			.from(responseDrafts)
			.where(inArray(responseDrafts.id, used.slice(i, i + 1000).map(hashToken)));
		left += row!.n;
	}

	// ---- complete walk-throughs ----
	const walkCpu = cpuMeter();
	const walkRun = await walks(pageBody, DURATION, WALKERS, WALK_LIMIT);
	const walkLoad = walkCpu(walkRun.done);

	// ---- report ----
	const fmt = (n: number, digits = 0) =>
		n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
	const ms = (n: number) => `${fmt(n)} ms`;
	const rate = (r: Result) => done(r) / r.duration;
	const non = (r: Result, family: string) =>
		Object.entries(r.statusCodeStats)
			.filter(([code]) => !code.startsWith(family))
			.reduce((a, [, s]) => a + s.count, 0);
	const errors = (r: Result) => (r.errors ? `, ${fmt(r.errors)} errors/timeouts` : '');

	console.log(
		`Heard respondent side under load: node build on PostgreSQL (${new URL(PG_URL).host}, loopback), ` +
			`${os.cpus().length} cores, Node ${process.versions.node}`
	);
	console.log(
		`autocannon ${AUTOCANNON_VERSION} in the same machine: ${CONNECTIONS} connections, ${DURATION} s per run, pipelining 1. ` +
			`Server env RESPOND_LIMIT_PER_MINUTE=${RESPOND_LIMIT} (the limit check still runs on every request).`
	);
	console.log(
		`CPU: time the server and its PostgreSQL backends spent per request (per walk for walks), and % of one core (${os.cpus().length} cores = ${os.cpus().length * 100} %) used by the server, its backends, this process (autocannon / fetch) and anything else running.\n` +
			`Prepared ${fmt(finalDrafts.length + pageDrafts.length + oneOnEach.length)} drafts in ${fmt(preparedMs / 1000, 1)} s.\n`
	);
	table(
		[
			'what',
			'per second',
			'p50',
			'p97.5',
			'p99',
			'not as expected',
			'target',
			'CPU per request: server + db',
			'CPU % server/db/bench/other'
		],
		[
			[
				'GET /s/demo: language page',
				fmt(rate(languageRun)),
				ms(languageRun.latency.p50),
				ms(languageRun.latency.p97_5),
				ms(languageRun.latency.p99),
				`${fmt(non(languageRun, '2'))} non-2xx${errors(languageRun)}`,
				'',
				languageLoad.perRequest,
				languageLoad.share
			],
			[
				`GET /s/demo: question page ${RENDER_PAGE + 1} "${instrument.pages[RENDER_PAGE]!.name}" (${PAGE_DRAFTS} draft cookies)`,
				fmt(rate(pageRun)),
				ms(pageRun.latency.p50),
				ms(pageRun.latency.p97_5),
				ms(pageRun.latency.p99),
				`${fmt(non(pageRun, '2'))} non-2xx${errors(pageRun)}`,
				'',
				pageLoad.perRequest,
				pageLoad.share
			],
			[
				'POST /s/demo?/next: final page, stores the response (one draft each)',
				fmt(rate(submitRun)),
				ms(submitRun.latency.p50),
				ms(submitRun.latency.p97_5),
				ms(submitRun.latency.p99),
				`${fmt(non(submitRun, '3'))} non-3xx${errors(submitRun)}`,
				'≥ 500/s, p99 < 100 ms',
				submitLoad.perRequest,
				submitLoad.share
			],
			[
				`complete walk-throughs, ${WALKERS} at once (fetch; ${fmt(walkRun.requestsPerWalk, 1)} requests each on average)`,
				fmt(walkRun.perSecond, 1),
				ms(walkRun.p50),
				ms(walkRun.p97_5),
				ms(walkRun.p99),
				`${fmt(walkRun.failed)} failed of ${fmt(walkRun.done + walkRun.failed)}`,
				'',
				walkLoad.perRequest,
				walkLoad.share
			]
		]
	);
	console.log(
		`\nSubmissions: ${fmt(thanks)} answered 303 → thank-you page; rows added to responses (SQL count): ${fmt(stored)}; ` +
			`${fmt(used.length)} drafts sent, ${fmt(left)} of them still drafts` +
			(stored === thanks
				? '.'
				: stored > thanks
					? ` (${fmt(stored - thanks)} more were in flight when autocannon stopped and completed on the server).`
					: ` — ${fmt(thanks - stored)} FEWER rows than thank-you answers.`) +
			(nextDraft >= finalDrafts.length ? ' Prepared drafts ran out: raise SUBMISSION_DRAFTS.' : '')
	);
	if (walkRun.firstFailure) console.log(`First failed walk: ${walkRun.firstFailure}`);

	console.log(
		'\nTransferred bytes per page (HTML gzip level 6, which the app does not do itself; assets as ' +
			'served precompressed for Accept-Encoding: gzip; response bodies only):\n'
	);
	const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
	table(
		[
			'page',
			'HTML',
			'CSS',
			'icon',
			'JavaScript',
			'without JavaScript',
			'with JavaScript',
			'target'
		],
		weights.map((w) => [
			w.label,
			`${kb(w.html)} (${kb(w.htmlRaw)} raw)`,
			kb(w.css),
			kb(w.icon),
			kb(w.js),
			kb(w.html + w.css + w.icon),
			kb(w.html + w.css + w.icon + w.js),
			`≤ ${fmt(TARGET_BYTES / 1024)} KB`
		])
	);
	const first = weights[0]!;
	const heaviest = weights.reduce((a, w) =>
		w.html + w.css + w.icon + w.js > a.html + a.css + a.icon + a.js ? w : a
	);
	console.log(
		`\nFirst page: ${kb(first.html + first.css + first.icon)} without JavaScript, ` +
			`${kb(first.html + first.css + first.icon + first.js)} with JavaScript; heaviest page (${heaviest.label}): ` +
			`${kb(heaviest.html + heaviest.css + heaviest.icon + heaviest.js)} with JavaScript (target ≤ ${fmt(TARGET_BYTES / 1024)} KB).`
	);
}

/** The hidden fields of a question page's form. */
function pageForm(page: string) {
	const index = /name="_page" value="(\d+)"/.exec(page)?.[1];
	const shown = /name="_shown" value="([^"]*)"/.exec(page)?.[1];
	if (index === undefined || shown === undefined) return null;
	return { page: Number(index), shown: shown.split(',').filter(Boolean) };
}

/**
 * Starts counting CPU time (Linux /proc); the returned function gives, in % of one core over the
 * interval, the server, this database's PostgreSQL backends, this process (the load
 * generator) and everything else on the machine (other work running beside the bench skews
 * the figures); and the CPU time of the server and its backends per request done.
 */
function cpuMeter(): (done: number) => { share: string; perRequest: string } {
	const read = () => {
		try {
			const ticks = (pid: number | 'self') => {
				const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				return Number(fields[11]) + Number(fields[12]);
			};
			const all = fs
				.readFileSync('/proc/stat', 'utf8')
				.split('\n')[0]!
				.split(/\s+/)
				.slice(1)
				.map(Number);
			let db = 0;
			for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
				try {
					if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${DB_NAME} `))
						db += ticks(Number(pid));
				} catch {
					/* gone */
				}
			}
			// user nice system idle iowait irq softirq steal
			const busy = all[0]! + all[1]! + all[2]! + all[5]! + all[6]! + all[7]!;
			return { at: performance.now(), busy, server: ticks(serverPid), db, bench: ticks('self') };
		} catch {
			return null;
		}
	};
	const start = read();
	return (done: number) => {
		const end = read();
		if (!start || !end) return { share: 'n/a', perRequest: 'n/a' };
		// /proc counts in USER_HZ, 100 per second on Linux: one tick is 10 ms.
		const pct = (ticks: number) => Math.round(ticks / ((end.at - start.at) / 1000));
		const server = end.server - start.server;
		const db = end.db - start.db;
		const bench = end.bench - start.bench;
		const other = Math.max(end.busy - start.busy - server - db - bench, 0);
		const each = (ticks: number) => ((ticks * 10) / Math.max(done, 1)).toFixed(1);
		return {
			share: [server, db, bench, other].map(pct).join('/'),
			perRequest: `${each(server)} + ${each(db)} ms`
		};
	};
}

/** Responses received in an autocannon run. */
function done(result: Result): number {
	return Object.values(result.statusCodeStats).reduce((a, s) => a + s.count, 0);
}

/** One autocannon run against the server with the bench's shared settings. */
function cannon(request: Request): Promise<Result> {
	const { method, path: requestPath, headers, body, setupRequest, onResponse } = request;
	return Promise.resolve(
		autocannon({
			url: BASE,
			connections: CONNECTIONS,
			duration: DURATION,
			pipelining: 1,
			timeout: 10,
			requests: [
				{
					method: method ?? 'GET',
					path: requestPath,
					headers,
					body,
					...(setupRequest ? { setupRequest } : {}),
					...(onResponse ? { onResponse } : {})
				}
			]
		})
	);
}

/** The HTML of a respondent page, with the draft cookie if given. */
async function html(pagePath: string, token?: string): Promise<string> {
	const response = await fetch(BASE + pagePath, {
		headers: { accept: 'text/html', ...(token ? { cookie: `r=${token}` } : {}) }
	});
	if (!response.ok) throw new Error(`GET ${pagePath}: ${response.status}`);
	return response.text();
}

/** A response body as it crosses the wire (not decoded) and decoded. */
function wire(assetUrl: string): Promise<{ status: number; bytes: number; text: string }> {
	return new Promise((resolve, reject) => {
		http
			.get(assetUrl, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (c: Buffer) => chunks.push(c));
				response.on('end', () => {
					const raw = Buffer.concat(chunks);
					const text = response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
					resolve({
						status: response.statusCode ?? 0,
						bytes: raw.byteLength,
						text: text.toString()
					});
				});
				response.on('error', reject);
			})
			.on('error', reject);
	});
}

/** Bytes of a page and of every stylesheet, icon and script it references (and they import). */
async function weigh(pagePath: string, token?: string) {
	const page = await html(pagePath, token);
	const pageUrl = new URL(pagePath, BASE);
	const sizes = {
		htmlRaw: Buffer.byteLength(page),
		html: zlib.gzipSync(page, { level: 6 }).byteLength
	};
	const totals = { css: 0, icon: 0, js: 0 };
	const seen = new Set<string>();
	const queue: { url: URL; kind: keyof typeof totals }[] = [];
	const attr = (tag: string, name: string) =>
		new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? undefined;
	for (const [tag] of page.matchAll(/<(link|script)\b[^>]*>/g)) {
		const rel = attr(tag, 'rel');
		if (tag.startsWith('<script')) {
			const src = attr(tag, 'src');
			if (src) queue.push({ url: new URL(src, pageUrl), kind: 'js' });
		} else if (rel === 'stylesheet' || rel === 'icon' || rel === 'modulepreload') {
			const href = attr(tag, 'href');
			const kind = rel === 'stylesheet' ? 'css' : rel === 'icon' ? 'icon' : 'js';
			if (href) queue.push({ url: new URL(href, pageUrl), kind });
		}
	}
	while (queue.length) {
		const { url: assetUrl, kind } = queue.shift()!;
		if (seen.has(assetUrl.href)) continue;
		seen.add(assetUrl.href);
		if (assetUrl.origin !== pageUrl.origin) throw new Error(`third-party request: ${assetUrl}`);
		const asset = await wire(assetUrl.href);
		if (asset.status !== 200) throw new Error(`GET ${assetUrl.pathname}: ${asset.status}`);
		totals[kind] += asset.bytes;
		// Fonts and images a stylesheet uses, chunks a script imports.
		const refs =
			kind === 'css'
				? [...asset.text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!)
				: kind === 'js'
					? [...asset.text.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)].map(
							(m) => m[1]!
						)
					: [];
		for (const ref of refs)
			if (!ref.startsWith('data:')) queue.push({ url: new URL(ref, assetUrl), kind });
	}
	return { ...sizes, ...totals };
}

/**
 * Respondents walking the whole survey in English, `concurrency` at a time, for `seconds` or
 * `limit` walks: the language page, then each page and its post until the thank-you page.
 * Answers vary by walk, so some posts reveal a question and get the page again (200).
 */
async function walks(
	pageBody: (form: { page: number; shown: string[] }, variant: number) => string,
	seconds: number,
	concurrency: number,
	limit = Infinity
) {
	const deadline = performance.now() + seconds * 1000;
	const times: number[] = [];
	let started = 0;
	let failed = 0;
	let requests = 0;
	let firstFailure: string | undefined;

	async function one(variant: number) {
		const began = performance.now();
		let sent = 0;
		/** One request, its body read whole (so the connection is free again). */
		const request = async (
			pagePath: string,
			cookie: string | null,
			body?: string,
			expected?: number
		) => {
			sent++;
			const response = await fetch(BASE + pagePath, {
				method: body === undefined ? 'GET' : 'POST',
				redirect: 'manual',
				headers: {
					accept: 'text/html',
					...(body === undefined ? {} : FORM_HEADERS),
					...(cookie ? { cookie: `r=${cookie}` } : {})
				},
				body
			});
			const text = await response.text();
			if (expected && response.status !== expected)
				throw new Error(
					`${body === undefined ? 'GET' : 'POST'} ${pagePath}: ${response.status} ${text.slice(0, 200)}`
				);
			return { status: response.status, headers: response.headers, text };
		};
		const language = await request(SURVEY, null, undefined, 200);
		if (!language.text.includes('?/language')) throw new Error('no language choice');
		const chosen = await request(`${SURVEY}?/language`, null, 'lang=en', 303);
		const cookie = chosen.headers
			.getSetCookie()
			.find((c) => c.startsWith('r='))
			?.split(';')[0]!
			.slice(2);
		if (!cookie) throw new Error('no respondent cookie');
		let location = chosen.headers.get('location')!;
		for (let step = 0; step < 40; step++) {
			const page = await request(location, cookie, undefined, 200);
			if (location.includes('end=thanks')) {
				requests += sent;
				times.push(performance.now() - began);
				return;
			}
			let form = pageForm(page.text);
			if (!form) throw new Error(`no page form at ${location}`);
			let posted = await request(`${SURVEY}?/next`, cookie, pageBody(form, variant));
			// An answer revealed a question on the same page: answer it too.
			for (let again = 0; posted.status === 200 && again < 3; again++) {
				form = pageForm(posted.text);
				if (!form) throw new Error('revealed page without a form');
				posted = await request(`${SURVEY}?/next`, cookie, pageBody(form, variant));
			}
			if (posted.status !== 303)
				throw new Error(`POST page ${form.page}: ${posted.status} ${posted.text.slice(0, 200)}`);
			location = posted.headers.get('location')!;
		}
		throw new Error('no thank-you page after 40 steps');
	}

	async function worker() {
		while (performance.now() < deadline && started < limit) {
			const variant = started++;
			try {
				await one(variant);
			} catch (e) {
				failed++;
				firstFailure ??= e instanceof Error ? e.message : String(e);
			}
		}
	}
	const began = performance.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	const elapsed = (performance.now() - began) / 1000;
	const sorted = [...times].sort((a, b) => a - b);
	const at = (p: number) =>
		sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
	return {
		done: times.length,
		failed,
		firstFailure,
		perSecond: times.length / elapsed,
		requestsPerWalk: requests / Math.max(times.length, 1),
		p50: at(0.5),
		p97_5: at(0.975),
		p99: at(0.99)
	};
}

/** A Markdown table, columns padded so it also reads in a terminal. */
function table(head: string[], rows: string[][]) {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		`| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
	console.log(line(head));
	console.log(
		`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`
	);
	for (const row of rows) console.log(line(row));
}
