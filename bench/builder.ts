/**
 * How the builder feels on a 300-question, 3-language survey, in Debian's Chromium against the
 * production server on PostgreSQL (loopback). `npm run bench:builder`. Prints figures only.
 *
 *   open      navigation to the builder until the outline is interactive
 *   keystroke one character typed into a label until the outline shows it (re-validation and
 *             re-render of the whole survey included)
 *   tab       switching to the Translations view (every text × every language)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import postgres from 'postgres';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { createMember } from '../src/lib/server/orgs/cli';
import { findOrganisation } from '../src/lib/server/orgs/service';
import { createSurvey } from '../src/lib/server/surveys/service';
import { generateSurvey } from './support/generate';

const ROOT = path.resolve(import.meta.dirname, '..');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PORT = 3991;
const ORIGIN = `http://localhost:${PORT}`;
const PASSWORD = 'quiet-harbour-lantern-27';

if (!fs.existsSync(path.join(ROOT, 'build/handler.js')))
	spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: ROOT,
		stdio: 'inherit'
	});

const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists heard_bench_builder with (force)');
await admin.unsafe('create database heard_bench_builder');
const url = new URL(PG_URL);
url.pathname = '/heard_bench_builder';

const database = await openDatabase({ url: url.toString() });
await migrate(database, path.join(ROOT, 'drizzle'));
const member = await createMember(database.db, {
	email: 'bench@example.org',
	password: PASSWORD,
	org: 'bench',
	role: 'manager'
});
if (!member.ok) throw new Error(member.message);
const org = (await findOrganisation(database.db, 'bench'))!;
const survey = await createSurvey(database.db, null, org.id, {
	name: 'Bench 300',
	instrument: generateSurvey(300)
});
await database.close();

const server = spawn(process.execPath, ['build'], {
	cwd: ROOT,
	env: {
		...process.env,
		PORT: String(PORT),
		ORIGIN,
		DATABASE_URL: url.toString(),
		SEED_DEMO: 'false'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

try {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${ORIGIN}/healthz`)).ok) break;
		} catch {
			/* starting */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--no-first-run'
		]
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(`${ORIGIN}/login`);
	await page.fill('#field-email', 'bench@example.org');
	await page.fill('#field-password', PASSWORD);
	await page.click('main form button[type=submit]');
	await page.waitForURL(/\/o\/bench/);

	const opens: number[] = [];
	for (let run = 0; run < 5; run++) {
		const started = Date.now();
		await page.goto(`${ORIGIN}/o/bench/surveys/${survey.id}`);
		await page.locator('.outline .question').nth(299).waitFor();
		await page.waitForFunction(() => document.querySelector('.tabs button') !== null);
		opens.push(Date.now() - started);
	}

	await page.locator('.outline .question').nth(150).click();
	const label = page.locator('[id$="-label-en"]').first();
	await label.click();
	// A string, not a function: tsx's name helpers do not exist inside the page.
	const keystrokes: number[] = await page.evaluate(`(async () => {
		const input = document.activeElement;
		const times = [];
		const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		for (const ch of 'Did the support help you? '.repeat(2)) {
			const started = performance.now();
			input.value += ch;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await frame();
			times.push(performance.now() - started);
		}
		return times;
	})()`);

	const tabs: number[] = [];
	for (let run = 0; run < 3; run++) {
		await page.locator('.tabs button').nth(0).click();
		const started = Date.now();
		await page.locator('.tabs button').nth(1).click();
		await page.locator('table textarea').nth(300).waitFor();
		tabs.push(Date.now() - started);
	}
	await browser.close();

	console.log('Builder with a 300-question, 3-language survey (Chromium, PostgreSQL on loopback)');
	console.log(`  open builder:       median ${median(opens)} ms (runs ${opens.join(', ')})`);
	console.log(
		`  keystroke to paint: median ${median(keystrokes).toFixed(1)} ms, p95 ${p95(keystrokes).toFixed(1)} ms over ${keystrokes.length} keystrokes (two frames included)`
	);
	console.log(`  open Translations:  median ${median(tabs)} ms (runs ${tabs.join(', ')})`);
} finally {
	server.kill('SIGTERM');
	await new Promise((r) => server.once('exit', r));
	await admin.unsafe('drop database if exists heard_bench_builder with (force)');
	await admin.end();
}
