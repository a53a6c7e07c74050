import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../client';
import { migrate } from '../migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}

/**
 * Migrates one PGlite once and dumps it; each database test file then loads the dump (≈1 s)
 * instead of running initdb and every migration again (≈3 s).
 */
export default async function setup(project: TestProject) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-template-'));
	const file = path.join(dir, 'template.tar.gz');
	if (!process.env.TEST_DATABASE_URL) {
		const db = await openDatabase({});
		await migrate(db, path.resolve('drizzle'));
		if (db.driver.kind !== 'pglite') throw new Error('expected PGlite');
		const dump = await db.driver.client.dumpDataDir('gzip');
		fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
		await db.close();
	}
	project.provide('pgliteTemplate', file);
	return () => fs.rmSync(dir, { recursive: true, force: true });
}
