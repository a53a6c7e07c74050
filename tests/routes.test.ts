import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OTHER_ROUTES, PAGE_ROUTES } from './e2e/support/routes';

/** Every route directory that has a page, a server load/action file or an endpoint. */
function routesOnDisk(dir = 'src/routes', prefix = ''): string[] {
	const found: string[] = [];
	const files = fs.readdirSync(dir, { withFileTypes: true });
	if (files.some((f) => /^\+(page|page\.server|server)\.(ts|svelte)$/.test(f.name)))
		found.push(prefix || '/');
	for (const entry of files) {
		if (!entry.isDirectory()) continue;
		const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
		found.push(...routesOnDisk(path.join(dir, entry.name), prefix + segment));
	}
	return found;
}

describe('the access table of the e2e route walk', () => {
	it('lists every route of the app', () => {
		const listed = [...PAGE_ROUTES.map((r) => r.route), ...OTHER_ROUTES.map((r) => r.route)];
		expect(routesOnDisk().sort()).toEqual([...new Set(listed)].sort());
	});
});

/** Server files of the organisation pages: every load, action and endpoint behind a sign-in. */
function serverFiles(dir = 'src/routes/o'): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(full);
		return /^\+(page\.server|layout\.server|server)\.ts$/.test(entry.name) ? [full] : [];
	});
}

describe('the doors of the organisation pages (decision 011)', () => {
	const files = serverFiles();

	it('finds the server files', () => {
		expect(files.length).toBeGreaterThan(35);
	});

	it.each(files)('%s calls a scope guard that returns a Viewer', (file) => {
		const text = fs.readFileSync(file, 'utf8');
		expect(text).toMatch(
			/\b(orgViewer|programmeScope|evaluationScope|revisionScope|surveyScope)\(/
		);
	});

	it.each(files)('%s never decides an audience or a minimum cell size itself', (file) => {
		const text = fs.readFileSync(file, 'utf8');
		// The audience and k come from the Viewer; the settings page only shows the setting.
		expect(text).not.toMatch(/role === 'donor'|audience: '(team|donor)'|k: org\.minCellSize/);
		if (!file.includes(`${path.sep}settings${path.sep}`) || file.includes('programme'))
			expect(text).not.toMatch(/minCellSize/);
	});
});
