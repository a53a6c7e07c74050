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
