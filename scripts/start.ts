/**
 * `npm start`: builds when the build is missing or older than the sources, then runs the
 * production server (`node build`) with sensible defaults. Migrations and the demo seed run
 * inside the server at start-up (src/hooks.server.ts → init), so `node build` alone works too.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const buildEntry = path.join(root, 'build', 'handler.js');
const SOURCES = [
	'src',
	'static',
	'messages',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

function newestMtime(target: string): number {
	const full = path.join(root, target);
	if (!fs.existsSync(full)) return 0;
	const stat = fs.statSync(full);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(full, { recursive: true, withFileTypes: true })) {
		if (entry.isFile())
			newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
	}
	return newest;
}

const builtAt = fs.existsSync(buildEntry) ? fs.statSync(buildEntry).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map(newestMtime));
if (builtAt < sourcesAt) {
	console.log(builtAt ? 'Sources changed since the last build; building…' : 'Building Heard…');
	const build = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const env = {
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
	NODE_ENV: 'production'
};
const server = spawn(process.execPath, [path.join(root, 'build')], {
	cwd: root,
	env,
	stdio: 'inherit'
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
